package io.plantspy.infra.launcher;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's requests: leaf photos uploaded in turn with {@code ?wait=60s}, as {@code bench} sends them, each
 * answer recorded into latency windows (200 with its latency; anything else, or a client error, by its reason).
 */
final class SoakUploads {

  /** The API answers 202 instead of 200 when no result came within this wait: counted as a failure. */
  static final String WAIT = "?wait=60s";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final PlatformApi api;
  private final List<byte[]> photos;
  private final AtomicInteger next = new AtomicInteger();

  SoakUploads(PlatformApi api, List<byte[]> photos) {
    this.api = api;
    this.photos = List.copyOf(photos);
  }

  /** Uploads the next photo; its latency counts from {@code dueNanos}. Completes once answered, never failing. */
  CompletableFuture<Void> send(long dueNanos, LatencyWindow... windows) {
    byte[] photo = photos.get(Math.floorMod(next.getAndIncrement(), photos.size()));
    return http.sendAsync(api.upload(photo, "leaf.jpg", WAIT), HttpResponse.BodyHandlers.discarding())
        .handle((response, error) -> {
          long latency = System.nanoTime() - dueNanos;
          for (LatencyWindow window : windows) {
            if (error != null) {
              window.failed(reason(error));
            } else if (response.statusCode() == 200) {
              window.succeeded(latency);
            } else {
              window.failed(Integer.toString(response.statusCode()));
            }
          }
          return null;
        });
  }

  /**
   * Sends {@code count} uploads with at most {@code concurrency} unanswered, each as soon as one is answered (a
   * closed loop: what the platform can take, as {@code bench} measures it), recording into {@code window};
   * returns the seconds it took, until the last answer.
   */
  double saturate(int count, int concurrency, LatencyWindow window) throws InterruptedException {
    Semaphore open = new Semaphore(concurrency);
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      open.acquire();
      send(System.nanoTime(), window).whenComplete((ignored, error) -> open.release());
    }
    open.acquire(concurrency);
    open.release(concurrency);
    return (System.nanoTime() - started) / 1e9;
  }

  private static String reason(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
  }
}
