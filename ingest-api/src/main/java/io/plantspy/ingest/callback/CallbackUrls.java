package io.plantspy.ingest.callback;

import io.plantspy.address.AddressPolicy;
import io.plantspy.address.RefusedUrlException;
import io.plantspy.address.WebhookUrls;
import io.plantspy.ingest.problem.ApiProblem;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Vets the {@code callbackUrl} of a diagnosis request; a refusal is a problem (400 or 422), never a 500. */
@Component
public class CallbackUrls {

  /** Longer URLs are refused: they end up in every result record and delivery. */
  static final int MAX_LENGTH = 2048;

  private final WebhookUrls urls;

  public CallbackUrls(CallbackProperties props) {
    this.urls = new WebhookUrls(new AddressPolicy(props.allowedAddresses()));
  }

  /** The URL to call back, empty when none was given. Resolves the host, off the event loop. */
  public Mono<Optional<String>> vet(String url) {
    if (url == null || url.isBlank()) {
      return Mono.just(Optional.empty());
    }
    if (url.length() > MAX_LENGTH) {
      return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "bad-callback-url", "Bad callback URL",
          "callbackUrl is longer than " + MAX_LENGTH + " characters"));
    }
    return Mono.fromCallable(() -> Optional.of(urls.vet(url).toString()))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(RefusedUrlException.class, e -> e.slug().equals("bad-url")
            ? new ApiProblem(HttpStatus.BAD_REQUEST, "bad-callback-url", "Bad callback URL",
                "callbackUrl: " + e.getMessage())
            : new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "refused-callback-url", "Callback URL refused",
                "callbackUrl: " + e.getMessage()));
  }
}
