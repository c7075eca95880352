package io.plantspy.infra.launcher;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chaos suite's client: sends leaf photos at a fixed rate (open loop: a slow platform gets the same requests,
 * not fewer), spread over the API instances in turn, each with its own Idempotency-Key. An attempt that is not
 * accepted (503, 429, 409, a refused or reset connection, no answer in time) is retried on the next instance with
 * the same key after a backoff, as a careful integrator would, until it is accepted or the load is closed; so a
 * request whose answer was lost with a killed instance is asked again, and must come back under the same id.
 */
final class ChaosLoad implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  // Attempts in flight at most; beyond it an attempt waits its turn (the client never queues without bound).
  private static final int MAX_IN_FLIGHT = 256;

  private final List<PlatformApi> instances;
  private final List<byte[]> photos;
  private final double rate;
  private final ChaosLedger ledger;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "chaos-load");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger nextInstance = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong sentCount = new AtomicLong();
  private ScheduledFuture<?> ticks;

  ChaosLoad(List<PlatformApi> instances, List<byte[]> photos, double rate, ChaosLedger ledger) {
    if (instances.isEmpty() || photos.isEmpty() || rate <= 0) {
      throw new IllegalArgumentException("needs an API instance, a photo and a positive rate");
    }
    this.instances = List.copyOf(instances);
    this.photos = List.copyOf(photos);
    this.rate = rate;
    this.ledger = ledger;
  }

  /** Starts sending: one new request every 1/rate seconds until {@link #stopSending()}. */
  synchronized void start() {
    long period = Math.max(1, Math.round(1e9 / rate));
    ticks = scheduler.scheduleAtFixedRate(this::sendNew, 0, period, TimeUnit.NANOSECONDS);
  }

  /** No new requests from now on; those not yet accepted go on being retried until {@link #close()}. */
  synchronized void stopSending() {
    if (ticks != null) {
      ticks.cancel(false);
    }
  }

  long sent() {
    return sentCount.get();
  }

  private void sendNew() {
    String key = UUID.randomUUID().toString();
    byte[] photo = photos.get((int) (sentCount.getAndIncrement() % photos.size()));
    ledger.sent(key);
    attempt(key, photo, 0);
  }

  private void attempt(String key, byte[] photo, int retry) {
    if (scheduler.isShutdown()) {
      return;
    }
    if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
      inFlight.decrementAndGet();
      later(key, photo, retry); // not counted as a refusal: it was never sent
      return;
    }
    PlatformApi api = instances.get(Math.floorMod(nextInstance.getAndIncrement(), instances.size()));
    HttpRequest request = HttpRequest.newBuilder(api.upload(photo, "leaf.jpg", ""), (name, value) -> true)
        .header("Idempotency-Key", key).timeout(ATTEMPT_TIMEOUT).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
      inFlight.decrementAndGet();
      if (error == null && (response.statusCode() == 200 || response.statusCode() == 202)) {
        ledger.accepted(key, JSON.readTree(response.body()).path("id").asString());
        return;
      }
      ledger.refused(error == null ? String.valueOf(response.statusCode()) : failureKind(error));
      if (error != null || retryable(response.statusCode())) {
        later(key, photo, retry + 1);
      }
    });
  }

  /** The same request again after a backoff (0.5 s doubling to 5 s), on whichever instance comes next. */
  private void later(String key, byte[] photo, int retry) {
    long delay = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(retry, 4));
    try {
      scheduler.schedule(() -> attempt(key, photo, retry), delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // The load is closed: the request stays unaccepted in the ledger, which reports it.
    }
  }

  /** Outages and back-pressure are worth retrying; a refusal of the request itself (400, 401, 413...) is not. */
  static boolean retryable(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  private static String failureKind(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof HttpTimeoutException) {
      return "no answer in " + ATTEMPT_TIMEOUT.toSeconds() + " s";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    return "connection lost";
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
