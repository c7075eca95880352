package io.plantspy.webhooks.delivery;

import io.plantspy.webhooks.endpoint.EndpointStore;
import io.plantspy.webhooks.endpoint.WebhookEndpoint;
import io.plantspy.webhooks.signing.WebhookSigner;
import io.plantspy.webhooks.target.AttemptOutcome;
import io.plantspy.webhooks.target.WebhookClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends due deliveries. One thread claims (every poll interval, and whenever an event or a finished attempt wakes
 * it) as many due deliveries as there are free slots, skipping endpoints that already use their
 * {@code maxPerEndpoint} slots; each claimed attempt then runs on its own without holding that thread, so a slow
 * or dead endpoint occupies only its own slots and never delays the others. State lives in MongoDB only: pending
 * retries survive a restart, and an attempt cut off by a crash is due again when its lease ends.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);
  /** Due deliveries read per query at most. */
  private static final int PAGE = 256;

  private final DeliveryStore deliveries;
  private final EndpointStore endpoints;
  private final WebhookClient client;
  private final DeliveryProperties props;
  private final Clock clock;
  private final Semaphore slots;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private volatile ScheduledExecutorService claimer;

  public DeliveryWorker(DeliveryStore deliveries, EndpointStore endpoints, WebhookClient client,
      DeliveryProperties props, Clock clock) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.client = client;
    this.props = props;
    this.clock = clock;
    this.slots = new Semaphore(props.maxConcurrency());
  }

  @Override
  public void start() {
    deliveries.ensureIndexes().then(endpoints.ensureIndexes()).block(STORE_TIMEOUT);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "webhook-claimer");
      thread.setDaemon(true);
      return thread;
    });
    long poll = props.pollInterval().toMillis();
    executor.scheduleWithFixedDelay(this::claimAll, 0, poll, TimeUnit.MILLISECONDS);
    claimer = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = claimer;
    claimer = null;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return claimer != null;
  }

  /** Look for due deliveries now rather than at the next poll (a new event, a slot freed). */
  public void wake() {
    ScheduledExecutorService executor = claimer;
    // One pending wake-up is enough: it claims everything due that fits.
    if (executor != null && wakeQueued.compareAndSet(false, true)) {
      try {
        executor.execute(this::claimAll);
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        wakeQueued.set(false);
      }
    }
  }

  /**
   * Runs on the claimer thread only, so claims never race within an instance: reads a page of due deliveries and
   * claims those whose endpoint has a free slot, while slots are free.
   */
  private void claimAll() {
    wakeQueued.set(false);
    try {
      boolean more = true;
      while (more && slots.availablePermits() > 0) {
        Instant now = clock.instant();
        int page = Math.min(PAGE, slots.availablePermits() * 4);
        List<DeliveryStore.Due> candidates = deliveries.due(now, busyEndpoints(), page).collectList().block(STORE_TIMEOUT);
        more = candidates != null && candidates.size() == page;
        for (DeliveryStore.Due candidate : candidates == null ? List.<DeliveryStore.Due>of() : candidates) {
          if (isBusy(candidate.endpointId()) || !slots.tryAcquire()) {
            continue;
          }
          Delivery claimed;
          try {
            claimed = deliveries.claim(candidate, now.plus(props.lease())).block(STORE_TIMEOUT);
          } catch (RuntimeException e) {
            slots.release();
            throw e;
          }
          if (claimed == null) {
            slots.release(); // another instance took it
            continue;
          }
          start(claimed);
        }
      }
    } catch (RuntimeException e) {
      if (claimer != null) { // not stopping (stop interrupts a claim in progress)
        log.warn("Could not claim due deliveries; next poll tries again: {}", e.toString());
      }
    }
  }

  private void start(Delivery claimed) {
    AtomicInteger count = inFlight.computeIfAbsent(claimed.endpointId(), id -> new AtomicInteger());
    count.incrementAndGet();
    attempt(claimed)
        .onErrorResume(e -> {
          // The lease makes it due again: nothing is lost, the attempt is simply made later.
          log.warn("Attempt of delivery {} could not be recorded: {}", claimed.id(), e.toString());
          return Mono.empty();
        })
        .doFinally(signal -> {
          if (count.decrementAndGet() == 0) {
            inFlight.remove(claimed.endpointId(), count);
          }
          slots.release();
          wake();
        })
        .subscribe();
  }

  private boolean isBusy(String endpointId) {
    AtomicInteger count = inFlight.get(endpointId);
    return count != null && count.get() >= props.maxPerEndpoint();
  }

  private Set<String> busyEndpoints() {
    return inFlight.entrySet().stream().filter(e -> e.getValue().get() >= props.maxPerEndpoint())
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /** Sends it, unless its endpoint was disabled or deleted meanwhile: then it is cancelled. */
  private Mono<Void> attempt(Delivery claimed) {
    return endpoints.byId(claimed.endpointId()).map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(found -> found.filter(WebhookEndpoint::enabled)
            .map(endpoint -> send(claimed, endpoint))
            .orElseGet(() -> deliveries.cancelled(claimed, clock.instant())));
  }

  private Mono<Void> send(Delivery claimed, WebhookEndpoint endpoint) {
    Instant at = clock.instant();
    long timestamp = at.getEpochSecond();
    String signature = WebhookSigner.sign(claimed.eventId(), timestamp, claimed.body(), endpoint.signingSecrets(at));
    String url = claimed.url() != null ? claimed.url() : endpoint.url();
    return client.post(url, claimed.eventId(), timestamp, signature, claimed.body())
        .flatMap(outcome -> record(claimed, endpoint, at, outcome));
  }

  private Mono<Void> record(Delivery claimed, WebhookEndpoint endpoint, Instant at, AttemptOutcome outcome) {
    Attempt attempt = new Attempt(at, outcome.statusCode(), outcome.latencyMillis(), outcome.error());
    Instant now = clock.instant();
    if (outcome.delivered()) {
      return deliveries.delivered(claimed, attempt).then(endpoints.healthy(endpoint.id()));
    }
    if (outcome.gone()) {
      Mono<Void> failed = deliveries.failed(claimed, attempt, claimed.step() + 1, null, now);
      // A one-off callback URL that is gone ends its own delivery only.
      return endpoint.forCallbacks() ? failed
          : failed.then(disable(endpoint, "the endpoint answered 410 Gone at " + at, now));
    }
    int next = claimed.step() + 1;
    Instant nextAttemptAt = props.waitBefore(next).map(wait -> now.plus(longer(wait, outcome.retryAfter())))
        .orElse(null);
    Mono<Void> recorded = deliveries.failed(claimed, attempt, next, nextAttemptAt, now);
    if (endpoint.forCallbacks()) {
      return recorded; // each callback has its own URL: no failing streak of the endpoint
    }
    recorded = recorded.then(endpoints.failing(endpoint.id(), at));
    Instant since = endpoint.failingSince();
    if (since != null && !now.isBefore(since.plus(props.disableAfter()))) {
      recorded = recorded.then(disable(endpoint, "every attempt failed since " + since
          + " (" + props.disableAfter().toDays() + " days or more)", now));
    }
    return recorded;
  }

  /** No more deliveries to it: its waiting ones are cancelled now rather than when each falls due. */
  private Mono<Void> disable(WebhookEndpoint endpoint, String reason, Instant now) {
    return endpoints.disable(endpoint.id(), reason, now).then(deliveries.cancelPending(endpoint.id(), now));
  }

  /** The scheduled wait, or the receiver's {@code Retry-After} (capped) when that asks for longer. */
  private Duration longer(Duration scheduled, Duration retryAfter) {
    if (retryAfter == null) {
      return scheduled;
    }
    Duration asked = retryAfter.compareTo(props.maxRetryAfter()) > 0 ? props.maxRetryAfter() : retryAfter;
    return asked.compareTo(scheduled) > 0 ? asked : scheduled;
  }
}
