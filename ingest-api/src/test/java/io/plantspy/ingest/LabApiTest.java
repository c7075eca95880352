package io.plantspy.ingest;

import static io.plantspy.ingest.ApiTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;

import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import io.plantspy.ingest.lab.LabSamplePublisher;
import io.plantspy.ingest.lab.UnpublishedSampleSweeper;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.LabSample;
import io.plantspy.schemas.Topics;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lab uploads through the real parts: security chain with signed realm tokens, multipart parsing and image vetting,
 * MongoDB (collection and GridFS), the embedded Kafka broker, read back with the topic's own serde. The champion is
 * a release folder written here, the base dataset a folder of class folders. Each test uses classes of its own, as
 * they share the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = {"plantspy.lab-samples", "plantspy.diagnosis.requests",
    "plantspy.diagnosis.results", "plantspy.schemas"})
class LabApiTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
  private static final Path MODELS = folder("plantspy-lab-models");
  private static final Path DATASET = folder("plantspy-lab-dataset");
  private static final String SAMPLES = "/api/v1/lab/samples";
  private static int nextImage = 1;

  @Autowired ApplicationContext context;
  @Autowired ReactiveMongoTemplate mongo;
  @MockitoSpyBean LabSamplePublisher publisher;
  @Autowired UnpublishedSampleSweeper sweeper;
  @TestBean Clock clock;
  private WebTestClient client;
  private WebTestClient lab;
  private KafkaConsumer<String, LabSample> topic;
  private final Map<String, LabSample> seen = new HashMap<>();
  private final List<String> tombstones = new ArrayList<>();

  static Clock clock() {
    return CLOCK;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
    registry.add("plantspy.lab.max-request-size", () -> "3MB");
    registry.add("plantspy.lab.models-dir", MODELS::toString);
    registry.add("plantspy.lab.base-dataset", DATASET::toString);
    // The tests sweep by hand.
    registry.add("plantspy.lab.sweep-interval", () -> "1h");
    Files.writeString(MODELS.resolve("CURRENT"), "test-release\n");
    Path release = Files.createDirectories(MODELS.resolve("releases/test-release"));
    Files.writeString(release.resolve("release.json"), """
        {"id": "test-release", "backgroundLabel": "Background_without_leaves",
         "labels": ["Apple___healthy", "Background_without_leaves", "Apple___Black_rot"]}
        """);
    for (String label : List.of("Apple___healthy", "Apple___Black_rot", "Cherry_(including_sour)___healthy")) {
      Path folder = Files.createDirectories(DATASET.resolve(label));
      for (int i = 0; i < label.length() % 5 + 2; i++) {
        Files.write(folder.resolve(i + ".jpg"), new byte[] {1});
      }
    }
    Files.createDirectories(DATASET.resolve("not a class"));
  }

  @AfterAll
  static void removeFolders() throws IOException {
    for (Path root : List.of(MODELS, DATASET)) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @BeforeEach
  void setUp() {
    // The first upload also publishes the schema and fetches the topic's metadata: more than the default 5 s
    // on a busy machine.
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(30)).build();
    lab = as(client, "lab-ana", "lab");
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, context.getEnvironment().getProperty(
        "spring.embedded.kafka.brokers"));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "lab-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    topic = new KafkaConsumer<>(props, new StringDeserializer(),
        Topics.defaults().labSamples().valueSerde().deserializer());
    topic.subscribe(List.of("plantspy.lab-samples"));
  }

  @AfterEach
  void tearDown() {
    topic.close();
    reset(publisher);
  }

  @Test
  void uploadOfSeveralImagesStoresEachPublishesItAndCountsThem() {
    byte[] first = image();
    byte[] second = image();
    byte[] third = image();
    MultipartBodyBuilder form = form("Apple___Black_rot", first, second, third);
    form.part("labId", "lab-montpellier");
    form.part("sampleRef", "MTP-2026/0412");
    form.part("capturedAt", "2026-11-20T09:30:00+01:00");
    form.part("notes", "lower leaves, greenhouse 3");

    Map<String, Object> answer = upload(form);

    List<Map<String, Object>> stored = list(answer, "stored");
    assertThat(stored).extracting(s -> s.get("part")).containsExactly(1, 2, 3);
    assertThat(stored).extracting(s -> s.get("sha256")).containsExactly(sha256(first), sha256(second),
        sha256(third));
    assertThat(list(answer, "duplicates")).isEmpty();
    assertThat(counts(answer)).containsEntry("Apple___Black_rot", 3);

    // Each on the topic, keyed by its id, with its metadata, pointing at its bytes in GridFS.
    for (Map<String, Object> s : stored) {
      String id = (String) s.get("sampleId");
      LabSample record = awaitRecord(id);
      assertThat(record.getLabel()).isEqualTo("Apple___Black_rot");
      assertThat(record.getOwner()).isEqualTo("lab-ana");
      assertThat(record.getSha256()).isEqualTo(s.get("sha256"));
      assertThat(record.getLabId()).isEqualTo("lab-montpellier");
      assertThat(record.getSampleRef()).isEqualTo("MTP-2026/0412");
      assertThat(record.getCapturedAt()).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));
      assertThat(record.getNotes()).isEqualTo("lower leaves, greenhouse 3");
      assertThat(record.getContentType()).isEqualTo("image/png");
      ImageReference ref = (ImageReference) record.getImage();
      assertThat(ref.getStore()).isEqualTo("gridfs:lab_images");
      byte[] storedBytes = gridFsBytes(ref.getId());
      assertThat(sha256(storedBytes)).isEqualTo(s.get("sha256"));
      assertThat(record.getSizeBytes()).isEqualTo(storedBytes.length);
    }
  }

  @Test
  void duplicateBytesAreRecognisedNotStoredOrCountedTwice() {
    byte[] a = image();
    byte[] b = image();
    byte[] c = image();
    Map<String, Object> firstUpload = upload(form("Grape___healthy", a, b));
    String idOfB = (String) list(firstUpload, "stored").get(1).get("sampleId");

    // b again, under another class even, and c twice in one upload.
    Map<String, Object> second = upload(form("Grape___Black_rot", b, c, c));

    assertThat(list(second, "stored")).extracting(s -> s.get("part")).containsExactly(2);
    String idOfC = (String) list(second, "stored").get(0).get("sampleId");
    assertThat(list(second, "duplicates")).extracting(d -> d.get("part"), d -> d.get("sampleId"),
            d -> d.get("existingLabel"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, idOfB, "Grape___healthy"),
            org.assertj.core.groups.Tuple.tuple(3, idOfC, "Grape___Black_rot"));
    assertThat(counts(second)).containsEntry("Grape___healthy", 2).containsEntry("Grape___Black_rot", 1);
    assertThat(samplesWithSha(sha256(b))).isEqualTo(1);
    assertThat(samplesWithSha(sha256(c))).isEqualTo(1);
    assertThat(gridFsFilesOf(List.of(a, b, c))).isEqualTo(3);
  }

  @Test
  void malformedLabelsAreRefused() {
    for (String label : List.of("Tomato", "Tomato___", "___healthy", "Tomato____Late_blight",
        "Tomato___Late_blight___again", "Tomato/../x___healthy", "Tomato___late\nblight", " Tomato___healthy")) {
      problem(lab.post().uri(SAMPLES).body(BodyInserters.fromMultipartData(form(label, image()).build()))
          .exchange(), HttpStatus.BAD_REQUEST, "bad-label");
    }
    problem(lab.post().uri(SAMPLES).body(BodyInserters.fromMultipartData(form(null, image()).build())).exchange(),
        HttpStatus.BAD_REQUEST, "bad-label");
    assertThat(samplesLabelled("Tomato")).isZero();
  }

  @Test
  void aBadImageIsAProblemNamingItsPartAndNothingOfTheUploadIsStored() {
    byte[] good = image();
    MultipartBodyBuilder form = form("Peach___Bacterial_spot", good);
    form.part("image", named(TestImages.truncatedJpeg(), "broken.jpg")).contentType(MediaType.IMAGE_JPEG);

    problem(post(form), HttpStatus.BAD_REQUEST, "corrupt-image")
        .jsonPath("$.part").isEqualTo(2)
        .jsonPath("$.filename").isEqualTo("broken.jpg")
        .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("image part 2 (broken.jpg): "));

    MultipartBodyBuilder bomb = form("Peach___Bacterial_spot", good);
    bomb.part("image", named(TestImages.pngBomb(), "bomb.png"));
    problem(post(bomb), HttpStatus.CONTENT_TOO_LARGE, "image-dimensions-too-large").jsonPath("$.part").isEqualTo(2);

    MultipartBodyBuilder html = form("Peach___Bacterial_spot", good);
    html.part("image", named("<html></html>".getBytes(StandardCharsets.UTF_8), "page.html"));
    problem(post(html), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-format").jsonPath("$.part")
        .isEqualTo(2);

    assertThat(samplesLabelled("Peach___Bacterial_spot")).isZero();
    assertThat(gridFsFilesOf(List.of(good))).isZero();
  }

  @Test
  void badFieldsAreProblems() {
    MultipartBodyBuilder noImage = new MultipartBodyBuilder();
    noImage.part("label", "Orange___Haunglongbing_(Citrus_greening)");
    problem(post(noImage), HttpStatus.BAD_REQUEST, "empty-image");

    MultipartBodyBuilder typo = form("Orange___Haunglongbing_(Citrus_greening)", image());
    typo.part("labid", "x");
    problem(post(typo), HttpStatus.BAD_REQUEST, "bad-field").jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("[labid]"));

    MultipartBodyBuilder when = form("Orange___Haunglongbing_(Citrus_greening)", image());
    when.part("capturedAt", "yesterday");
    problem(post(when), HttpStatus.BAD_REQUEST, "bad-field");

    MultipartBodyBuilder notes = form("Orange___Haunglongbing_(Citrus_greening)", image());
    notes.part("notes", "x".repeat(2001));
    problem(post(notes), HttpStatus.BAD_REQUEST, "bad-field").jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("2001"));
    assertThat(samplesLabelled("Orange___Haunglongbing_(Citrus_greening)")).isZero();
  }

  @Test
  void callersWithoutTheLabRoleAreRefused() {
    WebTestClient grower = as(client, "grower-1", "category", "health", "disease", "admin");
    problem(grower.post().uri(SAMPLES).body(BodyInserters.fromMultipartData(form("Raspberry___healthy", image())
        .build())).exchange(), HttpStatus.FORBIDDEN, "forbidden");
    problem(grower.get().uri(SAMPLES).exchange(), HttpStatus.FORBIDDEN, "forbidden");
    problem(grower.get().uri("/api/v1/lab/classes").exchange(), HttpStatus.FORBIDDEN, "forbidden");
    problem(grower.delete().uri(SAMPLES + "/x").exchange(), HttpStatus.FORBIDDEN, "forbidden");
    client.get().uri(SAMPLES).exchange().expectStatus().isUnauthorized();
    assertThat(samplesLabelled("Raspberry___healthy")).isZero();
  }

  @Test
  void tooLargeImagesAndUploadsAre413() {
    // The test profile caps an image at 1 MB and a lab upload at 3 MB.
    MultipartBodyBuilder big = form("Squash___Powdery_mildew", image());
    big.part("image", named(TestImages.png(700), "big.png"));
    problem(post(big), HttpStatus.CONTENT_TOO_LARGE, "image-too-large");

    byte[] each = TestImages.png(500);
    assertThat(each.length).isBetween(600_000, 1_000_000);
    problem(post(form("Squash___Powdery_mildew", each, each, each, each, each)), HttpStatus.CONTENT_TOO_LARGE,
        "image-too-large");

    assertThat(samplesLabelled("Squash___Powdery_mildew")).isZero();
    // Below the upload cap, several images of almost an image's cap each are fine.
    Map<String, Object> answer = upload(form("Squash___Powdery_mildew", each, TestImages.png(499)));
    assertThat(list(answer, "stored")).hasSize(2);
  }

  @Test
  void listIsPagedNewestFirstAndFiltersByLabelAndSince() {
    List<String> ids = new ArrayList<>();
    Instant start = CLOCK.instant();
    for (int i = 0; i < 5; i++) {
      CLOCK.advance(Duration.ofMinutes(1));
      ids.add((String) list(upload(form("Strawberry___Leaf_scorch", image())), "stored").get(0).get("sampleId"));
    }
    CLOCK.advance(Duration.ofMinutes(1));
    upload(form("Strawberry___healthy", image()));

    Map<String, Object> page0 = get(SAMPLES + "?label=Strawberry___Leaf_scorch&size=2");
    assertThat(page0.get("total")).isEqualTo(5);
    assertThat(list(page0, "items")).extracting(s -> s.get("id")).containsExactly(ids.get(4), ids.get(3));
    Map<String, Object> page2 = get(SAMPLES + "?label=Strawberry___Leaf_scorch&size=2&page=2");
    assertThat(list(page2, "items")).extracting(s -> s.get("id")).containsExactly(ids.get(0));
    assertThat(list(page2, "items").get(0)).containsEntry("status", "LIVE").containsEntry("uploadedBy", "lab-ana");

    String since = start.plus(Duration.ofMinutes(4)).toString();
    Map<String, Object> recent = get(SAMPLES + "?label=Strawberry___Leaf_scorch&since=" + since);
    assertThat(list(recent, "items")).extracting(s -> s.get("id")).containsExactly(ids.get(4), ids.get(3));
    Map<String, Object> everyClass = get(SAMPLES + "?since=" + since);
    assertThat(list(everyClass, "items")).hasSize(3);

    problem(lab.get().uri(SAMPLES + "?size=0").exchange(), HttpStatus.BAD_REQUEST, "bad-field");
    problem(lab.get().uri(SAMPLES + "?size=101").exchange(), HttpStatus.BAD_REQUEST, "bad-field");
    problem(lab.get().uri(SAMPLES + "?since=last-week").exchange(), HttpStatus.BAD_REQUEST, "bad-field");
    problem(lab.get().uri(SAMPLES + "?label=Strawberry").exchange(), HttpStatus.BAD_REQUEST, "bad-label");
  }

  @Test
  void withdrawingPublishesATombstoneAndTakesTheSampleOutOfCountsAndList() {
    byte[] mistaken = image();
    Map<String, Object> answer = upload(form("Potato___Late_blight", mistaken, image()));
    String id = (String) list(answer, "stored").get(0).get("sampleId");
    awaitRecord(id);

    problem(as(client, "lab-bob", "lab").delete().uri(SAMPLES + "/" + id).exchange(), HttpStatus.FORBIDDEN,
        "not-your-sample");
    problem(lab.delete().uri(SAMPLES + "/no-such-sample").exchange(), HttpStatus.NOT_FOUND, "lab-sample-not-found");

    Map<String, Object> withdrawn = exchangeJson(lab.delete().uri(SAMPLES + "/" + id).exchange(), HttpStatus.OK);
    assertThat(withdrawn).containsEntry("status", "WITHDRAWN").containsKey("withdrawnAt");
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      poll();
      return tombstones.contains(id);
    });
    assertThat(classCount("Potato___Late_blight")).containsEntry("labSamples", 1);
    assertThat(list(get(SAMPLES + "?label=Potato___Late_blight"), "items")).extracting(s -> s.get("id"))
        .doesNotContain(id);
    assertThat(get(SAMPLES + "/" + id)).containsEntry("status", "WITHDRAWN");
    // Again: nothing changes.
    assertThat(exchangeJson(lab.delete().uri(SAMPLES + "/" + id).exchange(), HttpStatus.OK))
        .containsEntry("withdrawnAt", withdrawn.get("withdrawnAt"));

    // Its bytes are free again: uploaded anew, they are a new sample, not a duplicate.
    Map<String, Object> again = upload(form("Potato___Early_blight", mistaken));
    assertThat(list(again, "stored")).extracting(s -> s.get("sampleId")).doesNotContain(id).hasSize(1);
  }

  @Test
  void classesShowLabSamplesBaseDatasetPhotosAndWhatTheChampionKnows() {
    upload(form("Apple___healthy", image()));
    upload(form("Blueberry___Mummy_berry", image(), image()));

    Map<String, Object> classes = get("/api/v1/lab/classes");

    assertThat(classes).containsEntry("champion", "test-release")
        .containsEntry("baseDataset", DATASET.getFileName().toString());
    assertThat(classCount("Apple___healthy")).containsEntry("labSamples", 1)
        .containsEntry("baseSamples", "Apple___healthy".length() % 5 + 2).containsEntry("knownToChampion", true);
    assertThat(classCount("Apple___Black_rot")).containsEntry("knownToChampion", true);
    assertThat(classCount("Blueberry___Mummy_berry")).containsEntry("labSamples", 2).containsEntry("baseSamples", 0)
        .containsEntry("knownToChampion", false);
    assertThat(classCount("Cherry_(including_sour)___healthy")).containsEntry("knownToChampion", false)
        .containsEntry("baseSamples", "Cherry_(including_sour)___healthy".length() % 5 + 2);
    assertThat(list(classes, "classes")).extracting(c -> c.get("label"))
        .doesNotContain("Background_without_leaves", "not a class");
  }

  @Test
  void theChampionOfTheReleaseRegistryReplacesTheCommittedOne() {
    mongo.insert(new org.bson.Document("_id", "promoted-release").append("aliases", List.of("champion"))
        .append("labels", List.of("Apple___healthy", "Background_without_leaves", "Grape___Esca_(Black_Measles)")),
        "model_releases").block();
    mongo.insert(new org.bson.Document("_id", "older-release").append("aliases", List.of("previous"))
        .append("labels", List.of("Squash___Powdery_mildew")), "model_releases").block();
    try {
      Map<String, Object> classes = get("/api/v1/lab/classes");

      assertThat(classes).containsEntry("champion", "promoted-release");
      assertThat(classCount("Grape___Esca_(Black_Measles)")).containsEntry("knownToChampion", true);
      assertThat(classCount("Apple___Black_rot")).containsEntry("knownToChampion", false);
      assertThat(list(classes, "classes")).extracting(c -> c.get("label"))
          .doesNotContain("Background_without_leaves", "Squash___Powdery_mildew");
    } finally {
      mongo.dropCollection("model_releases").block();
    }
  }

  @Test
  void aFailedPublishLeavesNoSampleAndTheRetriedUploadStoresIt() {
    byte[] photo = image();
    doReturn(Mono.error(new KafkaException("broker gone"))).when(publisher).publish(any());

    problem(post(form("Corn_(maize)___healthy", photo)), HttpStatus.SERVICE_UNAVAILABLE, "queue-unavailable");
    assertThat(samplesWithSha(sha256(photo))).isZero();
    assertThat(gridFsFilesOf(List.of(photo))).isZero();

    reset(publisher);
    Map<String, Object> retried = upload(form("Corn_(maize)___healthy", photo));
    awaitRecord((String) list(retried, "stored").get(0).get("sampleId"));
    assertThat(counts(retried)).containsEntry("Corn_(maize)___healthy", 1);
  }

  @Test
  void aSampleLeftUnpublishedBlocksItsBytesDuringTheLeaseThenTheNextUploadPublishesIt() {
    // As an API that died between storing a sample and publishing it leaves it: PENDING, holding its bytes.
    byte[] photo = image();
    String id = insertPending(photo, "Soybean___healthy");

    problem(post(form("Soybean___healthy", photo)), HttpStatus.CONFLICT, "lab-sample-in-progress");
    // Not counted or listed while unpublished.
    assertThat(get(SAMPLES + "?label=Soybean___healthy")).containsEntry("total", 0);

    CLOCK.advance(Duration.ofMinutes(2));
    Map<String, Object> answer = upload(form("Soybean___healthy", photo));

    assertThat(list(answer, "stored")).isEmpty();
    assertThat(list(answer, "duplicates")).extracting(d -> d.get("sampleId")).containsExactly(id);
    assertThat(counts(answer)).containsEntry("Soybean___healthy", 1);
    assertThat(awaitRecord(id).getSha256()).isEqualTo(sha256(photo));
    assertThat(get(SAMPLES + "/" + id)).containsEntry("status", "LIVE");
  }

  @Test
  void samplesLeftUnpublishedPastTheLeaseArePublishedByTheSweepAndAFailedTryKeepsThem() {
    byte[] stalePhoto = image();
    String stale = insertPending(stalePhoto, "Peach___healthy");
    CLOCK.advance(Duration.ofMinutes(2));
    byte[] freshPhoto = image();
    String fresh = insertPending(freshPhoto, "Peach___healthy");

    doReturn(Mono.error(new KafkaException("broker gone"))).when(publisher).publish(any());
    assertThat(sweeper.sweep().block(Duration.ofSeconds(30))).isZero();
    // It may be on the topic already (the API died after publishing): a failed try must not remove it.
    assertThat(samplesWithSha(sha256(stalePhoto))).isEqualTo(1);

    reset(publisher);
    assertThat(sweeper.sweep().block(Duration.ofSeconds(30))).isEqualTo(1);
    assertThat(awaitRecord(stale).getLabel()).isEqualTo("Peach___healthy");
    assertThat(get(SAMPLES + "/" + stale)).containsEntry("status", "LIVE");
    // Still within its lease: its upload may be publishing it right now.
    lab.get().uri(SAMPLES + "/" + fresh).exchange().expectStatus().isNotFound();
  }

  // --- helpers ---

  /** A PENDING sample holding {@code photo}, as an API that died between storing and publishing it leaves it. */
  private String insertPending(byte[] photo, String label) {
    String id = UUID.randomUUID().toString();
    mongo.insert(new org.bson.Document("_id", id).append("status", "PENDING").append("sha256", sha256(photo))
        .append("liveSha256", sha256(photo)).append("label", label).append("owner", "lab-ana")
        .append("createdAt", java.util.Date.from(CLOCK.instant())).append("imageId", "65f1c0ffee65f1c0ffee65f1")
        .append("contentType", "image/png").append("sizeBytes", (long) photo.length), "lab_samples").block();
    return id;
  }

  /** A distinct small PNG each call. */
  private static synchronized byte[] image() {
    return TestImages.png(8 + nextImage++);
  }

  private static MultipartBodyBuilder form(String label, byte[]... images) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    for (int i = 0; i < images.length; i++) {
      form.part("image", named(images[i], "leaf-" + (i + 1) + ".png")).contentType(MediaType.IMAGE_PNG);
    }
    if (label != null) {
      form.part("label", label);
    }
    return form;
  }

  private static ByteArrayResource named(byte[] bytes, String filename) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return filename;
      }
    };
  }

  private WebTestClient.ResponseSpec post(MultipartBodyBuilder form) {
    return lab.post().uri(SAMPLES).body(BodyInserters.fromMultipartData(form.build())).exchange();
  }

  private Map<String, Object> upload(MultipartBodyBuilder form) {
    return exchangeJson(post(form), HttpStatus.CREATED);
  }

  private Map<String, Object> get(String uri) {
    return exchangeJson(lab.get().uri(uri).exchange(), HttpStatus.OK);
  }

  private static Map<String, Object> exchangeJson(WebTestClient.ResponseSpec response, HttpStatus status) {
    return response.expectStatus().isEqualTo(status)
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult().getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> json, String key) {
    return (List<Map<String, Object>>) json.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> counts(Map<String, Object> json) {
    return (Map<String, Object>) json.get("counts");
  }

  private Map<String, Object> classCount(String label) {
    return list(get("/api/v1/lab/classes"), "classes").stream()
        .filter(c -> label.equals(c.get("label")))
        .findFirst().orElseThrow(() -> new AssertionError("no class " + label));
  }

  private LabSample awaitRecord(String id) {
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      poll();
      return seen.containsKey(id);
    });
    return seen.get(id);
  }

  private void poll() {
    for (ConsumerRecord<String, LabSample> record : topic.poll(Duration.ofMillis(200))) {
      if (record.value() == null) {
        tombstones.add(record.key());
      } else {
        seen.put(record.key(), record.value());
      }
    }
  }

  private long samplesWithSha(String sha256) {
    return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("sha256").is(sha256)), "lab_samples").block();
  }

  private long samplesLabelled(String label) {
    return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("label").is(label)), "lab_samples").block();
  }

  /** GridFS files in {@code lab_images} holding any of these images. */
  private long gridFsFilesOf(List<byte[]> images) {
    Set<String> wanted = new java.util.HashSet<>();
    images.forEach(i -> wanted.add(sha256(i)));
    return mongo.getMongoDatabase().flatMapMany(db -> {
      var bucket = GridFSBuckets.create(db, "lab_images");
      return Flux.from(bucket.find()).concatMap(file -> Flux.from(bucket.downloadToPublisher(file.getObjectId()))
          .collectList().map(LabApiTest::concat));
    }).filter(bytes -> wanted.contains(sha256(bytes))).count().block();
  }

  private byte[] gridFsBytes(String id) {
    return mongo.getMongoDatabase().flatMap(db -> Flux.from(GridFSBuckets.create(db, "lab_images")
            .downloadToPublisher(new org.bson.types.ObjectId(id))).collectList().map(LabApiTest::concat))
        .block();
  }

  private static byte[] concat(List<ByteBuffer> buffers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer buffer : buffers) {
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      out.writeBytes(chunk);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status,
      String slug) {
    return response.expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(status.value())
        .jsonPath("$.type").isEqualTo("https://plantspy.io/problems/" + slug);
  }

  private static Path folder(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
