package io.plantspy.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.plantspy.webhooks.signing.WebhookHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP receiver on a loopback port: records every request (headers, body, arrival) and answers what its
 * current behaviour says (a status, a status with headers, or blocking first).
 */
public final class Receiver implements AutoCloseable {

  /** One received request. */
  public record Received(String id, String timestamp, String signature, String body, Instant at) {}

  /** What to answer: status and an optional Retry-After; {@code before} runs first (e.g. waits on a latch). */
  public record Answer(int status, String retryAfter, Runnable before) {
    public static Answer status(int status) {
      return new Answer(status, null, null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Integer, Answer> behaviour = n -> Answer.status(204);

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** {@code answers} maps the 1-based number of the request to the answer. */
  public Receiver answering(Function<Integer, Answer> answers) {
    this.behaviour = answers;
    return this;
  }

  public int count() {
    return received.size();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var headers = exchange.getRequestHeaders();
    received.add(new Received(headers.getFirst(WebhookHeaders.ID), headers.getFirst(WebhookHeaders.TIMESTAMP),
        headers.getFirst(WebhookHeaders.SIGNATURE), body, Instant.now()));
    Answer answer = behaviour.apply(received.size());
    if (answer.before() != null) {
      answer.before().run();
    }
    if (answer.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
    }
    exchange.sendResponseHeaders(answer.status(), -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
