package io.plantspy.webhooks;

import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Webhook throughput: events delivered per second to local receivers, from the results topic through the outbox
 * and the worker to signed HTTP posts, with the service, the embedded broker, mongo-java-server (in memory) and
 * the receivers in this one JVM. Not a test: run it by hand on an idle machine and write the figure in
 * BENCHMARKS.md.
 *
 * <pre>./mvnw -pl webhooks test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.plantspy.webhooks.DeliveryBenchmark -Dexec.args="4000 4"</pre>
 *
 * Arguments: results to publish (default 4000), endpoints subscribed by their owner (default 4, each its own
 * receiver); events = results × endpoints.
 */
public final class DeliveryBenchmark {

  private DeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int results = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    int endpoints = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    String owner = "bench-" + UUID.randomUUID();
    List<Receiver> receivers = new ArrayList<>();
    try (WebhooksApp app = WebhooksApp.start(TestMongo.freshUri("webhooks"))) {
      WebTestClient client = app.as(owner, "category", "health", "disease");
      for (int i = 0; i < endpoints; i++) {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        client.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("url", receiver.url(), "events", List.of("diagnosis.completed"))).exchange()
            .expectStatus().isCreated();
      }
      long events = (long) results * endpoints;
      long started = System.nanoTime();
      for (int i = 0; i < results; i++) {
        TestKafka.publish(TestKafka.completed(UUID.randomUUID().toString(), owner));
      }
      long published = System.nanoTime();
      while (receivers.stream().mapToLong(Receiver::count).sum() < events) {
        Thread.sleep(20);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf("%d results x %d endpoints = %d events delivered in %.2f s: %.0f events/s "
              + "(publishing the results took %.2f s)%n", results, endpoints, events, took.toMillis() / 1000.0,
          events / (took.toNanos() / 1e9), (published - started) / 1e9);
    } finally {
      receivers.forEach(Receiver::close);
    }
    System.exit(0);
  }
}
