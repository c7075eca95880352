package io.plantspy.webhooks;

import static io.plantspy.webhooks.Deliveries.attempts;
import static io.plantspy.webhooks.Deliveries.awaitOnly;
import static io.plantspy.webhooks.Deliveries.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import io.plantspy.webhooks.Receiver.Answer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Pending retries live in MongoDB: a service stopped in the middle of a schedule resumes it when started again. */
class ResumeAfterRestartIT {

  @Test
  void aServiceStoppedMidScheduleResumesThePendingRetriesWhenStartedAgain() throws Exception {
    String database = TestMongo.freshUri("webhooks");
    String subject = "user-" + UUID.randomUUID();
    try (Receiver receiver = new Receiver().answering(n -> Answer.status(500))) {
      String endpointId;
      String diagnosisId = UUID.randomUUID().toString();
      // A long first wait, so the retry is certainly pending when the service stops.
      try (WebhooksApp first = WebhooksApp.start(database, "--plantspy.webhooks.delivery.schedule=0s,3s,3s")) {
        endpointId = (String) first.as(subject).post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("url", receiver.url(), "events", List.of("diagnosis.completed"))).exchange()
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        TestKafka.publish(TestKafka.completed(diagnosisId, subject));
        awaitOnly(first.as(subject), endpointId, d -> attempts(d).size() == 1 && "PENDING".equals(d.get("status")));
      }

      receiver.answering(n -> Answer.status(204));
      try (WebhooksApp second = WebhooksApp.start(database, "--plantspy.webhooks.delivery.schedule=0s,3s,3s")) {
        Map<String, Object> delivery = awaitOnly(second.as(subject), endpointId, status("DELIVERED"));

        assertThat(attempts(delivery)).extracting(a -> a.get("statusCode")).containsExactly(500, 204);
        assertThat(receiver.received()).extracting(Receiver.Received::id)
            .containsOnly("evt_diagnosis.completed_" + diagnosisId);
      }
    }
  }
}
