package io.plantspy.webhooks;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reads a webhook's deliveries and the webhook itself through the API, and waits for a state. */
final class Deliveries {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private Deliveries() {}

  static List<Map<String, Object>> of(WebTestClient owner, String endpointId) {
    return owner.get().uri("/api/v1/webhooks/" + endpointId + "/deliveries").exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .returnResult().getResponseBody();
  }

  static Map<String, Object> endpoint(WebTestClient owner, String endpointId) {
    return owner.get().uri("/api/v1/webhooks/" + endpointId).exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult().getResponseBody();
  }

  /** Waits until the endpoint's only delivery satisfies {@code done}, and returns it. */
  static Map<String, Object> awaitOnly(WebTestClient owner, String endpointId, Predicate<Map<String, Object>> done) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
      List<Map<String, Object>> all = of(owner, endpointId);
      return all.size() == 1 && done.test(all.get(0)) ? all.get(0) : null;
    }, found -> found != null);
  }

  static Predicate<Map<String, Object>> status(String status) {
    return d -> status.equals(d.get("status"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> attempts(Map<String, Object> delivery) {
    return (List<Map<String, Object>>) delivery.get("attempts");
  }
}
