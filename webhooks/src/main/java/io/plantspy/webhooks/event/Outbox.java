package io.plantspy.webhooks.event;

import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ModelRelease;
import io.plantspy.webhooks.delivery.Delivery;
import io.plantspy.webhooks.delivery.DeliveryStore;
import io.plantspy.webhooks.delivery.DeliveryWorker;
import io.plantspy.webhooks.endpoint.EndpointStore;
import io.plantspy.webhooks.endpoint.EventType;
import io.plantspy.webhooks.endpoint.WebhookEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns events into deliveries, one per subscribed endpoint, with ids made of endpoint and event so that an
 * event read twice (redelivered after a crash before its offset was committed) creates nothing new. An endpoint
 * gets only events that happened after it subscribed (a lagging consumer must not send it older ones).
 */
@Component
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private static final List<EventType> DIAGNOSIS_EVENTS =
      List.of(EventType.DIAGNOSIS_COMPLETED, EventType.DIAGNOSIS_FAILED);

  private final EndpointStore endpoints;
  private final DeliveryStore deliveries;
  private final DeliveryWorker worker;
  private final Payloads payloads;
  private final Clock clock;

  public Outbox(EndpointStore endpoints, DeliveryStore deliveries, DeliveryWorker worker, Payloads payloads,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.worker = worker;
    this.payloads = payloads;
    this.clock = clock;
  }

  /** Completes once every delivery of these results is stored; the number written (not already there). */
  public Mono<Long> diagnoses(List<DiagnosisResult> results) {
    if (results.isEmpty()) {
      return Mono.just(0L);
    }
    Set<String> owners = results.stream().map(DiagnosisResult::getOwner).collect(Collectors.toSet());
    return endpoints.subscribers(owners, DIAGNOSIS_EVENTS).collectList().flatMap(found -> {
      Map<String, List<WebhookEndpoint>> byOwner = found.stream()
          .collect(Collectors.groupingBy(WebhookEndpoint::owner));
      Instant now = clock.instant();
      List<Delivery> pending = new ArrayList<>();
      for (DiagnosisResult result : results) {
        EventType type = Payloads.typeOf(result);
        for (WebhookEndpoint endpoint : byOwner.getOrDefault(result.getOwner(), List.of())) {
          if (!endpoint.subscribes(type) || result.getCompletedAt().isBefore(endpoint.createdAt())) {
            continue;
          }
          String eventId = Payloads.eventId(type, result.getId());
          if (!endpoint.forCallbacks()) {
            pending.add(Delivery.pending(endpoint.id(), endpoint.owner(), eventId, type.wireName(),
                payloads.diagnosis(result, endpoint), now));
          } else if (result.getCallbackUrl() != null) {
            pending.add(Delivery.callback(endpoint.id(), endpoint.owner(), eventId, type.wireName(),
                payloads.diagnosis(result, endpoint), result.getCallbackUrl(), now));
          }
        }
      }
      results.stream()
          .filter(r -> r.getCallbackUrl() != null && byOwner.getOrDefault(r.getOwner(), List.of()).stream()
              .noneMatch(WebhookEndpoint::forCallbacks))
          .forEach(r -> log.warn("Diagnosis {} names a callback URL but its owner has no callback secret "
              + "(POST /api/v1/webhooks/callback-secret): not called back", r.getId()));
      return write(pending);
    });
  }

  /** {@code announcedAt}: when the release was promoted (its record's time), not when it was trained. */
  public Mono<Long> modelPromoted(ModelRelease release, String alias, Instant announcedAt) {
    EventType type = EventType.MODEL_PROMOTED;
    String body = payloads.modelPromoted(release, alias, announcedAt);
    Instant now = clock.instant();
    return endpoints.subscribers(type)
        .filter(endpoint -> !announcedAt.isBefore(endpoint.createdAt()))
        .map(endpoint -> Delivery.pending(endpoint.id(), endpoint.owner(),
            Payloads.eventId(type, release.getId()), type.wireName(), body, now))
        .collectList()
        .flatMap(this::write);
  }

  /** Deliveries of one alert to its owner's endpoints subscribed to it; {@code body} is the signed payload. */
  public Mono<Long> alertRaised(String owner, String alertId, Instant raisedAt, String body) {
    return toOwner(owner, EventType.ALERT_DISEASE_DETECTED, alertId, raisedAt, body);
  }

  /** A bulk job's end, to its owner's endpoints subscribed to {@code type}. */
  public Mono<Long> jobEnded(String owner, EventType type, String jobId, Instant endedAt, String body) {
    return toOwner(owner, type, jobId, endedAt, body);
  }

  /**
   * One event of one owner, the same body for each of their endpoints subscribed to {@code type} since before it
   * happened; {@code subjectId} makes the event id (a repeat maps to the same deliveries).
   */
  private Mono<Long> toOwner(String owner, EventType type, String subjectId, Instant happenedAt, String body) {
    Instant now = clock.instant();
    return endpoints.subscribers(List.of(owner), List.of(type))
        .filter(endpoint -> endpoint.subscribes(type) && !happenedAt.isBefore(endpoint.createdAt()))
        .map(endpoint -> Delivery.pending(endpoint.id(), endpoint.owner(), Payloads.eventId(type, subjectId),
            type.wireName(), body, now))
        .collectList()
        .flatMap(this::write);
  }

  private Mono<Long> write(List<Delivery> pending) {
    return Flux.fromIterable(pending)
        .flatMap(deliveries::insertIfAbsent, 16)
        .filter(Boolean::booleanValue)
        .count()
        .doOnNext(written -> {
          if (written > 0) {
            worker.wake();
          }
        });
  }
}
