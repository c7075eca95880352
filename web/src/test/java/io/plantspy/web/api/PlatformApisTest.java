package io.plantspy.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/**
 * The lab, trainer, feed-gateway and webhooks calls: the paths and bodies sent, the answers read as the services
 * write them, and their RFC 9457 problems.
 */
class PlatformApisTest {

  private final RestClient.Builder builder = RestClient.builder().baseUrl("http://svc");
  private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
  private final RestClient client = builder.build();

  @Test
  void aLabUploadSendsEveryPhotoAsAnImagePartAndTheClassAsLabel() {
    server.expect(requestTo("http://svc/api/v1/lab/samples"))
        .andExpect(method(HttpMethod.POST))
        .andExpect(content().contentTypeCompatibleWith(MediaType.MULTIPART_FORM_DATA))
        .andExpect(content().string(allOf(containsString("name=\"image\"; filename=\"a.jpg\""),
            containsString("name=\"image\"; filename=\"b.png\""), containsString("name=\"label\""),
            containsString("Tomato___Webtest"))))
        .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body("""
            {"label":"Tomato___Webtest","stored":[{"part":1,"filename":"a.jpg","sha256":"aa","sampleId":"s1"}],
             "duplicates":[{"part":2,"filename":"b.png","sha256":"bb","sampleId":"s0",
             "existingLabel":"Tomato___healthy"}],"counts":{"Tomato___Webtest":1}}"""));

    LabUploadResult result = new LabApi(client).upload("Tomato___Webtest", List.of(
        new UploadedFile("a.jpg", MediaType.IMAGE_JPEG, new byte[] {1}),
        new UploadedFile("b.png", MediaType.IMAGE_PNG, new byte[] {2})));

    assertThat(result.stored()).extracting(LabUploadResult.Outcome::sampleId).containsExactly("s1");
    assertThat(result.duplicates().get(0).existingLabel()).isEqualTo("Tomato___healthy");
    assertThat(result.counts()).containsEntry("Tomato___Webtest", 1L);
    server.verify();
  }

  @Test
  void readsTheClassCountsWithAndWithoutTheBaseDataset() {
    server.expect(requestTo("http://svc/api/v1/lab/classes")).andRespond(withSuccess("""
        {"champion":"r31","classes":[{"label":"Tomato___healthy","labSamples":3,"knownToChampion":true},
         {"label":"Tomato___Webtest","labSamples":2,"knownToChampion":false}]}""", MediaType.APPLICATION_JSON));

    LabClasses classes = new LabApi(client).classes();

    assertThat(classes.champion()).isEqualTo("r31");
    assertThat(classes.classes().get(0).baseSamples()).isNull();
    assertThat(classes.labSamplesOf("Tomato___Webtest")).isEqualTo(2);
    assertThat(classes.labSamplesOf("Apple___healthy")).isZero();
  }

  @Test
  void readsARunsOutcomeAsTheTrainerServiceWritesIt() {
    server.expect(requestTo("http://svc/api/v1/admin/training-runs/run-7")).andRespond(withSuccess("""
        {"id":"run-7","trigger":"DEMAND","requestedBy":"admin","status":"SUCCEEDED",
         "queuedAt":"2026-11-28T10:00:00Z","progress":{"phase":"done","fraction":1.0,"detail":"finished"},
         "seed":42,"labSampleCount":900,"labSampleSha256s":["aa"],
         "outcome":{"challengerReleaseId":"r32","evaluationImages":1200,"championTop1":0.75,"challengerTop1":0.93,
          "classes":[{"label":"Tomato___Target_Spot","images":60,"championRecall":null,"challengerRecall":0.88}],
          "mcnemar":{"championOnly":12,"challengerOnly":230,"pValue":1.0E-4,"method":"exact"},"promoted":true,
          "reasons":["top-1 93.0 % >= 75.0 %"],"reportDir":"/x","championPredictions":"/x/a.csv",
          "challengerPredictions":"/x/b.csv"}}""", MediaType.APPLICATION_JSON));

    TrainingRun run = new TrainerApi(client).run("run-7");

    assertThat(run.active()).isFalse();
    assertThat(run.outcome().promoted()).isTrue();
    assertThat(run.outcome().classes().get(0).change()).isNull();
    assertThat(run.outcome().mcnemar().challengerOnly()).isEqualTo(230);
  }

  @Test
  void promotingPostsToTheReleaseAndTheTrainersRefusalBecomesItsProblem() {
    server.expect(requestTo("http://svc/api/v1/admin/releases/r9/promote")).andExpect(method(HttpMethod.POST))
        .andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body("{\"title\":\"Not found\",\"status\":404,\"detail\":\"release r9 not found\"}"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> new TrainerApi(client).promote("r9"));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.detail()).isEqualTo("release r9 not found");
  }

  @Test
  void registersADeviceWithFarmAndNameAndReadsItsOneTimePassword() {
    server.expect(requestTo("http://svc/api/v1/devices")).andExpect(method(HttpMethod.POST))
        .andExpect(jsonPath("$.farm").value("north")).andExpect(jsonPath("$.name").value("Cam 1"))
        .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body("""
            {"device":{"id":"d-1","owner":"sub","farm":"north","name":"Cam 1","createdAt":"2026-11-28T10:00:00Z",
             "imageTopic":"dt/plantspy/north/d-1/image","diagnosisTopic":"dt/plantspy/north/d-1/diagnosis"},
             "mqttUsername":"d-1","mqttPassword":"pw"}"""));

    RegisteredDevice registered = new DevicesApi(client).register("north", "Cam 1");

    assertThat(registered.mqttPassword()).isEqualTo("pw");
    assertThat(registered.device().imageTopic()).isEqualTo("dt/plantspy/north/d-1/image");
  }

  @Test
  void aSubscriptionsSecretIsReadFromTheFlatAnswer() {
    server.expect(requestTo("http://svc/api/v1/webhooks")).andExpect(method(HttpMethod.POST))
        .andExpect(jsonPath("$.url").value("https://example.org/h"))
        .andExpect(jsonPath("$.events[0]").value("diagnosis.completed"))
        .andExpect(jsonPath("$.description").doesNotExist())
        .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body("""
            {"id":"w1","url":"https://example.org/h","events":["diagnosis.completed"],"answers":["disease"],
             "enabled":true,"createdAt":"2026-11-28T10:00:00Z","secret":"whsec_abc"}"""));

    WebhookSecret secret = new WebhooksApi(client).subscribe("https://example.org/h",
        List.of("diagnosis.completed"), " ");

    assertThat(secret.id()).isEqualTo("w1");
    assertThat(secret.secret()).isEqualTo("whsec_abc");
  }

  @Test
  void readsDeliveriesWithTheirAttemptsStatusCodes() {
    server.expect(requestTo("http://svc/api/v1/webhooks/w1/deliveries?limit=50")).andRespond(withSuccess("""
        [{"id":"dl1","eventId":"e1","type":"diagnosis.completed","status":"FAILED",
          "createdAt":"2026-11-28T10:00:00Z","attempts":[{"at":"2026-11-28T10:00:01Z","statusCode":503,
          "latencyMillis":40},{"at":"2026-11-28T10:01:01Z","latencyMillis":5000,"error":"timed out"}]}]""",
        MediaType.APPLICATION_JSON));

    List<Delivery> deliveries = new WebhooksApi(client).deliveries("w1", 50);

    assertThat(deliveries.get(0).retryable()).isTrue();
    assertThat(deliveries.get(0).attempts().get(0).statusCode()).isEqualTo(503);
    assertThat(deliveries.get(0).lastAttempt().error()).isEqualTo("timed out");
  }
}
