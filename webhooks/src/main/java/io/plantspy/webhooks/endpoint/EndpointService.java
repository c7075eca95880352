package io.plantspy.webhooks.endpoint;

import io.plantspy.address.RefusedUrlException;
import io.plantspy.webhooks.problem.WebhookProblem;
import io.plantspy.webhooks.security.Roles;
import io.plantspy.webhooks.signing.WebhookSecret;
import io.plantspy.webhooks.target.TargetUrls;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Subscribing, listing, deleting and rotating secrets, each for the caller's own endpoints only. */
@Service
public class EndpointService {

  private final EndpointStore store;
  private final TargetUrls urls;
  private final EndpointProperties props;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public EndpointService(EndpointStore store, TargetUrls urls, EndpointProperties props, Clock clock) {
    this.store = store;
    this.urls = urls;
    this.props = props;
    this.clock = clock;
  }

  Mono<WebhookEndpoint> subscribe(Authentication caller, SubscriptionRequest request) {
    List<String> events = events(caller, request.events());
    return Mono.fromCallable(() -> urls.vet(request.url().trim()))
        // Resolving the host blocks.
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(RefusedUrlException.class, e -> new WebhookProblem(HttpStatus.UNPROCESSABLE_CONTENT,
            e.slug(), "URL refused", e.getMessage()))
        .flatMap(url -> store.countOwned(caller.getName()).flatMap(count -> {
          if (count >= props.maxPerOwner()) {
            return Mono.error(new WebhookProblem(HttpStatus.CONFLICT, "too-many-webhooks", "Too many webhooks",
                "you hold " + count + " webhooks, the most allowed; delete one first"));
          }
          Instant now = clock.instant();
          return store.insert(new WebhookEndpoint("ep_" + UUID.randomUUID().toString().replace("-", ""),
              caller.getName(), url.toString(), events, request.description(), Roles.answersOf(caller),
              WebhookSecret.generate(random, props.secretBytes()).value(), null, null, now, true, null, null,
              null));
        }));
  }

  /** The requested types, known and allowed, without repeats; or 422/403. */
  private static List<String> events(Authentication caller, List<String> requested) {
    List<String> events = new ArrayList<>();
    for (String name : new LinkedHashSet<>(requested)) {
      Optional<EventType> type = EventType.fromWire(name);
      if (type.isEmpty()) {
        throw new WebhookProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-event", "Unknown event type",
            "no event type " + name + "; known: " + List.of(EventType.values()).stream().map(EventType::wireName)
                .toList());
      }
      Optional<String> role = type.get().requiredRole();
      if (role.isPresent() && !Roles.has(caller, role.get())) {
        throw new WebhookProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
            "subscribing to " + name + " takes the role " + role.get());
      }
      events.add(name);
    }
    return events;
  }

  Flux<WebhookEndpoint> list(Authentication caller) {
    return store.owned(caller.getName());
  }

  Mono<WebhookEndpoint> get(Authentication caller, String id) {
    return store.owned(id, caller.getName()).switchIfEmpty(Mono.error(() -> WebhookProblem.notFound("webhook " + id)));
  }

  Mono<Void> delete(Authentication caller, String id) {
    return store.delete(id, caller.getName())
        .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(WebhookProblem.notFound("webhook " + id)));
  }

  /**
   * The caller's callbacks endpoint with a fresh secret: created on the first call, rotated on later ones (the old
   * secret keeps signing for the overlap). It signs the results of the caller's requests that
   * named a {@code callbackUrl}, with the answers the caller's roles allow now.
   */
  Mono<CallbacksEndpoint> callbacks(Authentication caller) {
    String id = WebhookEndpoint.callbacksIdOf(caller.getName());
    return store.owned(id, caller.getName())
        .flatMap(existing -> rotate(caller, id).map(rotated -> new CallbacksEndpoint(false, rotated)))
        .switchIfEmpty(Mono.defer(() -> store.insert(new WebhookEndpoint(id, caller.getName(), null,
            List.of(EventType.DIAGNOSIS_COMPLETED.wireName(), EventType.DIAGNOSIS_FAILED.wireName()),
            "one-off callbacks: results of your requests that named a callbackUrl", Roles.answersOf(caller),
            WebhookSecret.generate(random, props.secretBytes()).value(), null, null, clock.instant(), true, null,
            null, null)).map(created -> new CallbacksEndpoint(true, created))));
  }

  /** A new secret; the old one keeps signing (a second signature) for the rotation overlap. */
  Mono<WebhookEndpoint> rotate(Authentication caller, String id) {
    return get(caller, id).flatMap(endpoint -> store.rotate(id, caller.getName(),
        WebhookSecret.generate(random, props.secretBytes()).value(), endpoint.secret(),
        clock.instant().plus(props.rotationOverlap())))
        .switchIfEmpty(Mono.error(() -> WebhookProblem.notFound("webhook " + id)));
  }
}
