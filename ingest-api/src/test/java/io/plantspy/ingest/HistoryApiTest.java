package io.plantspy.ingest;

import static io.plantspy.ingest.ApiTestSupport.as;
import static io.plantspy.ingest.ApiTestSupport.image;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The caller's history through the real API (security chain, controller, MongoDB): own diagnoses only, newest
 * first, filtered and paged, answers filtered by role as for a single read, bad parameters as problems, the
 * thumbnail kept for an upload and shown to its owner only, and the statistics (the aggregations run on the
 * embedded mongo-java-server, and the consumer lag on the embedded Kafka). Diagnoses are written straight into MongoDB with the
 * times and results each test needs; two tests upload for real, answered by a fake processor that makes the
 * thumbnail as the stream processor does, to see it kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.schemas",
        "plantspy.diagnosis.requests.bulk"})
class HistoryApiTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Instant DAY = Instant.parse("2026-11-20T10:00:00Z");

  @Autowired ApplicationContext context;
  @Autowired EmbeddedKafkaBroker kafka;
  @Autowired ReactiveMongoTemplate mongo;
  private WebTestClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
    // Uploads travel inline, where the fake processor reads them to make their thumbnails.
    registry.add("plantspy.images.inline-max-size", () -> "512KB");
  }

  @BeforeEach
  void setUp() {
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void listsOnlyTheCallersOwnDiagnosesNewestFirstWithTheAnswersTheirRolesAllow() {
    String me = owner();
    String older = store(me, DAY, "UPLOAD", "Tomato", "Tomato___Early_blight");
    String newer = store(me, DAY.plusSeconds(60), "URL", "Apple", "Apple___Apple_scab");
    store(owner(), DAY.plusSeconds(30), "UPLOAD", "Tomato", "Tomato___Early_blight");

    as(client, me, "category").get().uri("/api/v1/diagnoses").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.total").isEqualTo(2)
        .jsonPath("$.items.length()").isEqualTo(2)
        .jsonPath("$.items[0].id").isEqualTo(newer)
        .jsonPath("$.items[0].source").isEqualTo("URL")
        .jsonPath("$.items[0].category.label").isEqualTo("Apple")
        .jsonPath("$.items[0].predictedClass").doesNotExist()
        .jsonPath("$.items[0].health").doesNotExist()
        .jsonPath("$.items[1].id").isEqualTo(older);
    as(client, me, "disease").get().uri("/api/v1/diagnoses").exchange()
        .expectBody()
        .jsonPath("$.items[0].predictedClass").isEqualTo("Apple___Apple_scab")
        .jsonPath("$.items[0].category").doesNotExist();
  }

  @Test
  void filtersByCropClassSourceAndWholeDays() {
    String me = owner();
    String tomato = store(me, DAY, "UPLOAD", "Tomato", "Tomato___Early_blight");
    String tomatoByUrl = store(me, DAY.plusSeconds(60), "URL", "Tomato", "Tomato___healthy");
    String appleNextDay = store(me, DAY.plus(Duration.ofDays(1)), "UPLOAD", "Apple", "Apple___Apple_scab");
    WebTestClient grower = as(client, me, "category", "health", "disease");

    assertThat(ids(grower, "class=Tomato")).containsExactly(tomatoByUrl, tomato);
    assertThat(ids(grower, "class=Tomato___Early_blight")).containsExactly(tomato);
    assertThat(ids(grower, "source=url")).containsExactly(tomatoByUrl);
    // A date is a whole UTC day, both ends included.
    assertThat(ids(grower, "from=2026-11-21&to=2026-11-21")).containsExactly(appleNextDay);
    assertThat(ids(grower, "to=2026-11-20")).containsExactly(tomatoByUrl, tomato);
    assertThat(ids(grower, "from=2026-11-20T10:00:30Z&class=Tomato")).containsExactly(tomatoByUrl);
  }

  @Test
  void pagesNewestFirstWithTheTotalOfEveryMatch() {
    String me = owner();
    String first = store(me, DAY, "UPLOAD", "Tomato", "Tomato___Early_blight");
    String second = store(me, DAY.plusSeconds(1), "UPLOAD", "Tomato", "Tomato___Early_blight");
    String third = store(me, DAY.plusSeconds(2), "UPLOAD", "Tomato", "Tomato___Early_blight");
    WebTestClient grower = as(client, me, "category");

    assertThat(ids(grower, "size=2&page=0")).containsExactly(third, second);
    assertThat(ids(grower, "size=2&page=1")).containsExactly(first);
    grower.get().uri("/api/v1/diagnoses?size=2&page=1").exchange().expectBody()
        .jsonPath("$.total").isEqualTo(3).jsonPath("$.page").isEqualTo(1).jsonPath("$.size").isEqualTo(2);
  }

  @Test
  void badParametersAreProblemsAndAClassFilterNeedsTheRoleThatShowsIt() {
    WebTestClient grower = as(client, owner(), "category");
    for (String bad : List.of("size=0", "size=101", "page=-1", "from=yesterday", "to=2026-13-01",
        "source=bulk", "source=feed", "class=%3Cscript%3E", "from=2026-11-21&to=2026-11-20")) {
      grower.get().uri("/api/v1/diagnoses?" + bad).exchange()
          .expectStatus().isBadRequest()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("bad-field"));
    }
    grower.get().uri("/api/v1/diagnoses?class=Tomato___Early_blight").exchange()
        .expectStatus().isForbidden()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    as(client, owner(), "disease").get().uri("/api/v1/diagnoses?class=Tomato").exchange()
        .expectStatus().isForbidden();
    client.get().uri("/api/v1/diagnoses").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void anUploadKeepsTheSmallJpegThumbnailItsResultBringsThatOnlyItsOwnerCanRead() throws Exception {
    String me = owner();
    String location;
    try (FakeProcessor processor = new FakeProcessor(kafka.getBrokersAsString(), "history-thumbnail")) {
      // Waited for: the listener stores the result's thumbnail before it wakes the request.
      Map<?, ?> answer = as(client, me, "category").post().uri("/api/v1/diagnoses?wait=5s")
          .body(image(TestImages.png(300))).exchange()
          .expectStatus().isOk()
          .expectBody(Map.class).returnResult().getResponseBody();
      location = "/api/v1/diagnoses/" + answer.get("id");
      assertThat(processor.seen).anySatisfy(request -> {
        assertThat(request.getThumbnail().getMaxSide()).isEqualTo(160);
        assertThat(request.getThumbnail().getQuality()).isEqualTo(0.75f);
      });
    }
    String id = location.substring(location.lastIndexOf('/') + 1);

    as(client, me, "category").get().uri("/api/v1/diagnoses").exchange()
        .expectBody()
        .jsonPath("$.items[0].id").isEqualTo(id)
        .jsonPath("$.items[0].thumbnail").isEqualTo(location + "/thumbnail");
    byte[] jpeg = as(client, me, "category").get().uri(location + "/thumbnail").exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.IMAGE_JPEG)
        .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("private"))
        .expectBody(byte[].class).returnResult().getResponseBody();
    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(160);

    as(client, owner(), "category").get().uri(location + "/thumbnail").exchange()
        .expectStatus().isNotFound()
        .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("thumbnail-not-found"));
  }

  @Test
  void aDiagnosisStoredFromItsResultAloneIsNotListed() {
    // As the result listener stores a bulk job item's or a feed frame's result: no request fields, no source.
    String me = owner();
    String upload = store(me, DAY, "UPLOAD", "Tomato", "Tomato___Early_blight");
    String bulkItem = store(me, DAY.plusSeconds(1), null, "Tomato", "Tomato___Early_blight");
    assertThat(ids(as(client, me, "category"), "")).containsExactly(upload).doesNotContain(bulkItem);
  }

  @Test
  void everyUploadOfAPageIsListedWithItsThumbnail() throws Exception {
    String me = owner();
    try (FakeProcessor processor = new FakeProcessor(kafka.getBrokersAsString(), "history-page")) {
      for (int i = 0; i < 3; i++) {
        as(client, me, "category").post().uri("/api/v1/diagnoses?wait=5s").body(image(TestImages.png(40 + i)))
            .exchange().expectStatus().isOk();
      }
    }
    as(client, me, "category").get().uri("/api/v1/diagnoses").exchange()
        .expectBody()
        .jsonPath("$.items.length()").isEqualTo(3)
        .jsonPath("$.items[0].thumbnail").exists()
        .jsonPath("$.items[1].thumbnail").exists()
        .jsonPath("$.items[2].thumbnail").exists();
  }

  @Test
  void aDiagnosisWithoutThumbnailIsListedWithoutALinkAndItsThumbnailIs404() {
    String me = owner();
    String id = store(me, DAY, "URL", "Tomato", "Tomato___Early_blight");
    as(client, me, "category").get().uri("/api/v1/diagnoses").exchange()
        .expectBody().jsonPath("$.items[0].id").isEqualTo(id).jsonPath("$.items[0].thumbnail").doesNotExist();
    as(client, me, "category").get().uri("/api/v1/diagnoses/" + id + "/thumbnail").exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void statsCountTheCallersOwnDiagnosesPerDayPerCropAndDisease() {
    String me = owner();
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    store(me, today, "UPLOAD", "Tomato", "Tomato___Early_blight");
    store(me, today, "URL", "Tomato", "Tomato___healthy");
    store(me, today.minus(Duration.ofDays(1)), "UPLOAD", "Apple", "Apple___Apple_scab");
    store(me, today.minus(Duration.ofDays(1)), "UPLOAD", "Tomato", "Tomato___Early_blight");
    store(me, today.minus(Duration.ofDays(40)), "UPLOAD", "Corn", "Corn___Common_rust");
    store(owner(), today, "UPLOAD", "Grape", "Grape___Black_rot");

    as(client, me, "category", "health", "disease").get().uri("/api/v1/diagnoses/stats?days=30").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.days").isEqualTo(30)
        .jsonPath("$.perDay.length()").isEqualTo(30)
        .jsonPath("$.perDay[29].day").isEqualTo(today.toString().substring(0, 10))
        .jsonPath("$.perDay[29].count").isEqualTo(2)
        .jsonPath("$.perDay[28].count").isEqualTo(2)
        .jsonPath("$.perDay[0].count").isEqualTo(0)
        .jsonPath("$.crops.length()").isEqualTo(2)
        .jsonPath("$.crops[0].crop").isEqualTo("Tomato")
        .jsonPath("$.crops[0].count").isEqualTo(3)
        .jsonPath("$.crops[0].healthy").isEqualTo(1)
        .jsonPath("$.crops[0].sick").isEqualTo(2)
        .jsonPath("$.crops[1].crop").isEqualTo("Apple")
        .jsonPath("$.diseases.length()").isEqualTo(2)
        .jsonPath("$.diseases[0].predictedClass").isEqualTo("Tomato___Early_blight")
        .jsonPath("$.diseases[0].count").isEqualTo(2)
        .jsonPath("$.diseases[1].predictedClass").isEqualTo("Apple___Apple_scab");
  }

  @Test
  void statsShowOnlyWhatTheCallersRolesShowAndRefuseABadWindow() {
    String me = owner();
    store(me, Instant.now().truncatedTo(ChronoUnit.DAYS), "UPLOAD", "Tomato", "Tomato___Early_blight");
    as(client, me, "category").get().uri("/api/v1/diagnoses/stats?days=7").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.perDay.length()").isEqualTo(7)
        .jsonPath("$.crops[0].crop").isEqualTo("Tomato")
        .jsonPath("$.crops[0].healthy").doesNotExist()
        .jsonPath("$.diseases").doesNotExist();
    as(client, me, "category").get().uri("/api/v1/diagnoses/stats?days=0").exchange()
        .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    as(client, me, "category").get().uri("/api/v1/diagnoses/stats?days=367").exchange()
        .expectStatus().isBadRequest();
  }

  @Test
  void platformStatsAreForAdminsAndCountEveryonesCompletionsPerMinuteWithTheBacklog() {
    String someone = owner();
    store(someone, Instant.now().minusSeconds(5), "UPLOAD", "Tomato", "Tomato___Early_blight");
    as(client, someone, "category", "health", "disease").get().uri("/api/v1/platform/stats").exchange()
        .expectStatus().isForbidden();

    as(client, owner(), "admin").get().uri("/api/v1/platform/stats?minutes=60").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.minutes").isEqualTo(60)
        .jsonPath("$.completedPerMinute.length()").isEqualTo(60)
        .jsonPath("$.completedPerMinute[59].interactive").value(n -> assertThat(((Number) n).longValue())
            .isPositive())
        .jsonPath("$.backlog.interactive").isNumber()
        .jsonPath("$.backlog.bulk").isEqualTo(0);
    as(client, owner(), "admin").get().uri("/api/v1/platform/stats?minutes=0").exchange()
        .expectStatus().isBadRequest();
  }

  private static List<String> ids(WebTestClient caller, String query) {
    return caller.get().uri("/api/v1/diagnoses?" + query).exchange()
        .expectStatus().isOk()
        .expectBody(PageIds.class).returnResult().getResponseBody().ids();
  }

  record PageIds(List<Item> items) {
    record Item(String id) {}

    List<String> ids() {
      return items.stream().map(Item::id).toList();
    }
  }

  private static String owner() {
    return "history-" + UUID.randomUUID();
  }

  private String store(String owner, Instant createdAt, String source, String crop, String predictedClass) {
    String id = UUID.randomUUID().toString();
    boolean healthy = predictedClass.endsWith("healthy");
    StoredResult result = new StoredResult("test-release", new StoredResult.Label(crop, 0.9f),
        new StoredResult.Label(healthy ? "healthy" : "sick", 0.9f),
        healthy ? null : new StoredResult.Label(predictedClass.substring(predictedClass.indexOf("___") + 3), 0.8f),
        predictedClass, List.of(new StoredResult.Label(predictedClass, 0.8f)), false, null, null,
        new StoredResult.Timings(1, 1, 1, 1), createdAt.plusMillis(100), null);
    mongo.insert(new DiagnosisDocument(id, owner, DiagnosisStatus.DONE, createdAt,
        List.of("CATEGORY", "HEALTH", "DISEASE"), source, result)).block(TIMEOUT);
    return id;
  }
}
