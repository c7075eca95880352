package io.plantspy.webhooks.target;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.plantspy.address.RefusedAddressException;
import io.plantspy.address.VettingResolverGroup;
import io.plantspy.webhooks.signing.WebhookHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Posts one signed webhook attempt. The host is vetted before connecting and again by the connection's own
 * resolver ({@link VettingResolverGroup}), so a name that was public at subscription and now resolves to a
 * private address (DNS rebinding) is refused. Redirects are not followed; the response body is discarded.
 */
@Component
public class WebhookClient {

  private final TargetUrls urls;
  private final Duration timeout;
  private final HttpClient client;

  public WebhookClient(TargetUrls urls, TargetProperties props) {
    this.urls = urls;
    this.timeout = props.timeout();
    this.client = HttpClient.create()
        .resolver(new VettingResolverGroup(urls.policy()))
        .followRedirect(false)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) props.connectTimeout().toMillis())
        .responseTimeout(props.timeout())
        .headers(h -> h.set(HttpHeaderNames.USER_AGENT, "PlantSpy-Webhooks/1")
            .set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
  }

  /** Never fails: every failure is an outcome without a status. */
  public Mono<AttemptOutcome> post(String url, String id, long timestampSeconds, String signature, String body) {
    long started = System.nanoTime();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return Mono.fromCallable(() -> VettingResolverGroup.resolveVetted(urls.policy(), URI.create(url).getHost()))
        .subscribeOn(Schedulers.boundedElastic())
        .then(client
            .headers(h -> h.set(WebhookHeaders.ID, id)
                .set(WebhookHeaders.TIMESTAMP, Long.toString(timestampSeconds))
                .set(WebhookHeaders.SIGNATURE, signature)
                .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length))
            .post().uri(url)
            .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)))
            .response((response, content) -> content.then(Mono.just(answer(response, started))))
            .next())
        .timeout(timeout)
        .switchIfEmpty(Mono.fromSupplier(() -> new AttemptOutcome(null, null, "no response", millisSince(started))))
        .onErrorResume(e -> Mono.just(new AttemptOutcome(null, null, describe(e), millisSince(started))));
  }

  private static AttemptOutcome answer(HttpClientResponse response, long started) {
    int status = response.status().code();
    Duration retryAfter = status == 429 || status == 503
        ? retryAfter(response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER)) : null;
    return new AttemptOutcome(status, retryAfter, null, millisSince(started));
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(ZonedDateTime.now(),
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RefusedAddressException) {
        return "refused address: " + t.getMessage();
      }
      if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.ReadTimeoutException) {
        return "timed out";
      }
    }
    return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
