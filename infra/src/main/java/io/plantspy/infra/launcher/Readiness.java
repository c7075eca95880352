package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Polling helpers shared by the services' readiness checks: a probe retried until it passes or time runs out. */
final class Readiness {

  /** A check that answers true when ready, false or an exception when not yet. */
  @FunctionalInterface
  interface Probe {
    boolean ready() throws Exception;
  }

  private Readiness() {}

  /**
   * Retries {@code probe} every half second until it passes; fails early when the process died (its log then
   * says why) and with the probe's last error when the timeout runs out.
   */
  static void await(ChildProcess process, Duration timeout, Probe probe) throws ServiceFailedException {
    poll(process == null ? "?" : process.name(), process, timeout, probe);
  }

  /** The same wait for a part that runs elsewhere ({@link ExternalParts}): no process of ours to watch. */
  static void awaitExternal(String name, Duration timeout, Probe probe) throws ServiceFailedException {
    poll(name, null, timeout, probe);
  }

  private static void poll(String name, ChildProcess process, Duration timeout, Probe probe)
      throws ServiceFailedException {
    Instant deadline = Instant.now().plus(timeout);
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new ServiceFailedException(name, "exited before it was ready", process.log(), null);
      }
      try {
        if (probe.ready()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceFailedException(name, "interrupted", null, e);
      }
    }
    throw new ServiceFailedException(name, "not ready within " + timeout.toSeconds() + " s"
        + (last == null ? "" : " (last error: " + last + ")"), process == null ? null : process.log(), last);
  }

  /** Waits until a Spring Boot service at {@code baseUrl} answers 200 on its actuator readiness group. */
  static void awaitActuatorReady(ChildProcess process, Duration timeout, String baseUrl)
      throws ServiceFailedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).build();
    await(process, timeout, () -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  /** Whether something accepts TCP connections on host:port. */
  static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
