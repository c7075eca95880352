package io.plantspy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.plantspy.schemas.JobEvent;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.webhooks.signing.WebhookSecret;
import io.plantspy.webhooks.signing.WebhookVerifier;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk jobs that ended, from the API's topic to the owner's subscribed endpoints, once per job and status. */
class JobWebhookIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static WebhooksApp app;

  @BeforeAll
  static void start() {
    app = WebhooksApp.start(TestMongo.freshUri("webhooks"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aJobThatEndsIsDeliveredOnceToItsOwnersEndpointSubscribedToThatStatus() throws Exception {
    String ann = "ann-" + UUID.randomUUID();
    try (Receiver completed = new Receiver(); Receiver failed = new Receiver()) {
      Map<String, Object> sub = subscribe(app.as(ann), completed.url(), "job.completed");
      subscribe(app.as(ann), failed.url(), "job.failed");
      subscribe(app.as("bob-" + UUID.randomUUID()), completed.url() + "/bob", "job.completed");
      String jobId = UUID.randomUUID().toString();
      JobEvent event = JobEvent.newBuilder().setJobId(jobId).setOwner(ann).setStatus("completed").setTotal(3)
          .setCompleted(2).setFailed(1).setCancelled(0).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
          .build();

      // Announced twice, as after an API crash between the send and its mark; then another job, read after both
      // (one partition), so that a second delivery of the first would have been made by the time it arrives.
      TestKafka.jobEnded(event);
      TestKafka.jobEnded(event);
      String marker = UUID.randomUUID().toString();
      TestKafka.jobEnded(JobEvent.newBuilder(event).setJobId(marker).build());

      await().atMost(Duration.ofSeconds(30)).until(() -> completed.received().size() >= 2);
      assertThat(completed.received()).extracting(Receiver.Received::id)
          .containsExactlyInAnyOrder("evt_job.completed_" + jobId, "evt_job.completed_" + marker);
      Receiver.Received received = completed.received().stream()
          .filter(r -> r.id().equals("evt_job.completed_" + jobId)).findFirst().orElseThrow();
      assertThat(received.id()).isEqualTo("evt_job.completed_" + jobId);
      assertThatCode(() -> new WebhookVerifier(new WebhookSecret((String) sub.get("secret")))
          .verify(received.id(), received.timestamp(), received.signature(), received.body()))
          .doesNotThrowAnyException();
      JsonNode body = JSON.readTree(received.body());
      assertThat(body.get("type").asString()).isEqualTo("job.completed");
      assertThat(body.get("data").get("jobId").asString()).isEqualTo(jobId);
      assertThat(body.get("data").get("counts").get("failed").asLong()).isEqualTo(1);
      assertThat(body.get("data").get("links").get("results").asString())
          .isEqualTo("http://api.test/api/v1/jobs/" + jobId + "/results");
      assertThat(failed.received()).isEmpty();
    }
  }

  @Test
  void aJobsItemsGiveNoDiagnosisEventsOnlyTheJobsEnd() throws Exception {
    String ann = "ann-" + UUID.randomUUID();
    try (Receiver receiver = new Receiver()) {
      app.as(ann).post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("url", receiver.url(), "events", List.of("diagnosis.completed", "job.completed")))
          .exchange().expectStatus().isCreated();
      String item = UUID.randomUUID().toString();
      String jobId = UUID.randomUUID().toString();

      // A bulk item's result (the processor's bulk instance writes it on its own topic), then the job's end and a
      // single diagnosis, both written after it.
      TestKafka.publishBulk(TestKafka.completed(item, ann));
      TestKafka.jobEnded(JobEvent.newBuilder().setJobId(jobId).setOwner(ann).setStatus("completed").setTotal(1)
          .setCompleted(1).setFailed(0).setCancelled(0).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
          .build());
      String single = UUID.randomUUID().toString();
      TestKafka.publish(TestKafka.completed(single, ann));

      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
      assertThat(receiver.received()).extracting(Receiver.Received::id)
          .containsExactlyInAnyOrder("evt_job.completed_" + jobId, "evt_diagnosis.completed_" + single);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> subscribe(WebTestClient client, String url, String event) {
    return client.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("url", url, "events", List.of(event))).exchange()
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
  }
}
