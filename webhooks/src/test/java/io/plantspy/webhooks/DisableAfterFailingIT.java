package io.plantspy.webhooks;

import static io.plantspy.webhooks.Deliveries.attempts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantspy.testsupport.TestMongo;
import io.plantspy.webhooks.Receiver.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An endpoint whose attempts all fail for {@code disable-after} (5 days; 1 s here) is disabled, and says why. */
class DisableAfterFailingIT {

  @Test
  void anEndpointFailingForTheConfiguredTimeIsDisabledWithTheReasonShown() throws Exception {
    String subject = "user-" + UUID.randomUUID();
    try (Receiver receiver = new Receiver().answering(n -> Answer.status(500));
        WebhooksApp app = WebhooksApp.start(TestMongo.freshUri("webhooks"),
            "--plantspy.webhooks.delivery.disable-after=1s",
            "--plantspy.webhooks.delivery.schedule=0s,700ms,700ms,700ms,700ms,700ms")) {
      WebTestClient owner = app.as(subject);
      String id = (String) owner.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("url", receiver.url(), "events", List.of("diagnosis.completed"))).exchange()
          .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

      TestKafka.publish(TestKafka.completed(UUID.randomUUID().toString(), subject));

      Map<String, Object> endpoint = await().atMost(Duration.ofSeconds(60))
          .until(() -> Deliveries.endpoint(owner, id), e -> Boolean.FALSE.equals(e.get("enabled")));
      assertThat((String) endpoint.get("disabledReason")).startsWith("every attempt failed since");
      Map<String, Object> delivery = Deliveries.of(owner, id).get(0);
      // Disabled at the first failure 1 s or more after the first attempt, before the schedule's sixth attempt:
      // the second or a later one, depending on how late the machine's load makes each attempt.
      assertThat(attempts(delivery)).hasSizeBetween(2, 5);
      assertThat(delivery).containsEntry("status", "CANCELLED");
    }
  }
}
