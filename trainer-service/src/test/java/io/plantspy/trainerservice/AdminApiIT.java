package io.plantspy.trainerservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.testsupport.ExportedMetrics;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import io.plantspy.model.store.ReleaseLocation;
import io.plantspy.trainer.eval.ClassScore;
import io.plantspy.trainer.eval.ReportReader;
import io.plantspy.trainer.fit.TrainingRecipe;
import io.plantspy.trainer.loop.ChallengerRequest;
import io.plantspy.trainer.loop.Comparison;
import io.plantspy.trainer.loop.Decision;
import io.plantspy.trainer.loop.McNemar;
import io.plantspy.trainer.loop.RunOutcome;
import io.plantspy.trainerservice.registry.Alias;
import io.plantspy.trainerservice.registry.ReleaseAnnouncer;
import io.plantspy.trainerservice.registry.ReleaseRecord;
import io.plantspy.trainerservice.registry.ReleaseRegistry;
import io.plantspy.trainerservice.runs.ChallengerTrainer;
import io.plantspy.trainerservice.runs.RunStatus;
import io.plantspy.trainerservice.runs.TrainingRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.FileSystemUtils;

/**
 * The admin API through the real parts (security chain with signed realm tokens, MongoDB, GridFS, the embedded
 * Kafka broker read back with the topic's serde); only the training itself is a stand-in that waits for the test
 * and returns the committed release under a new id, promoted. The real training is {@link LearningLoopIT}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {"plantspy.lab-samples", "plantspy.model.releases", "plantspy.schemas"})
class AdminApiIT {

  private static final Path WORK = folder("plantspy-admin-it");
  private static final CountDownLatch TRAINING_MAY_END = new CountDownLatch(1);
  private static final AtomicReference<ChallengerRequest> LAST_REQUEST = new AtomicReference<>();
  private static final String RUNS = "/api/v1/admin/training-runs";
  private static final String RELEASES = "/api/v1/admin/releases";

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired ReleaseRegistry registry;
  @Autowired ReleaseAnnouncer announcer;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    registry.add("spring.mongodb.uri", () -> TestMongo.freshUri("admin-it"));
    registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
    registry.add("plantspy.security.issuer-uri", () -> TestTokens.ISSUER);
    registry.add("plantspy.trainer.registry.models-dir", AdminApiIT::models);
    registry.add("plantspy.trainer.registry.cache-dir", () -> WORK.resolve("releases").toString());
    registry.add("plantspy.trainer.lab.images-dir", () -> WORK.resolve("lab").toString());
    registry.add("plantspy.trainer.runs.work-dir", () -> WORK.resolve("runs").toString());
    registry.add("plantspy.trainer.runs.base-dataset", () -> WORK.toString());
    registry.add("plantspy.trainer.runs.new-samples-threshold", () -> "1000");
    registry.add("plantspy.trainer.runs.schedule", () -> "-");
  }

  static String models() {
    return System.getProperty("plantspy.models.dir", "../models");
  }

  @AfterAll
  static void removeFolders() {
    FileSystemUtils.deleteRecursively(WORK.toFile());
  }

  /** Training stand-in: waits for the test, then "trains" the committed release under the asked id, promoted. */
  @TestConfiguration
  static class StandInTraining {
    @Bean
    @Primary
    ChallengerTrainer standInTrainer() {
      return AdminApiIT::train;
    }
  }

  @Test
  void servesPrometheusMetricsWithoutAToken() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    String scrape = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(scrape).contains("application=\"plantspy-trainer-service\"");
    assertThat(ExportedMetrics.of("trainer-service").missingFrom(scrape))
        .as("listed names without a sample").isEmpty();
  }

  @Test
  void registersTheCommittedReleaseAsChampionAndAnnouncesIt() throws Exception {
    String committed = committedId();
    assertThat(registry.find(committed).orElseThrow().aliases()).containsExactly(Alias.CHAMPION);
    mvc.perform(as(get(RELEASES), "lab")).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == '" + committed + "')].aliases[0]").value("champion"))
        .andExpect(jsonPath("$[?(@.id == '" + committed + "')].sha256").isNotEmpty());
    try (ReleaseTopic topic = new ReleaseTopic(brokers)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> topic.champion() != null);
      assertThat(topic.announcements().get(0).value().getId()).isEqualTo(committed);
    }
  }

  @Test
  void answersAuthFailuresAndUnknownIdsWithProblems() throws Exception {
    mvc.perform(get(RELEASES)).andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get(RELEASES).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired("admin", "admin")))
        .andExpect(status().isUnauthorized());
    mvc.perform(as(get(RUNS), "category")).andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403));
    mvc.perform(as(post(RUNS), "lab")).andExpect(status().isForbidden());
    mvc.perform(as(post(RELEASES + "/" + committedId() + "/promote"), "lab")).andExpect(status().isForbidden());
    mvc.perform(as(get(RUNS + "/no-such-run"), "admin")).andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://plantspy.io/problems/not-found"));
    mvc.perform(as(post(RELEASES + "/no-such-release/promote"), "admin")).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no release no-such-release"));
    mvc.perform(as(get(RUNS + "?page=-1"), "admin")).andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void documentsTheAdminEndpointsInOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/admin/training-runs'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/admin/releases/{id}/promote'].post").exists())
        .andExpect(jsonPath("$.components.securitySchemes.keycloak.scheme").value("bearer"));
  }

  @Test
  void servesAReleasesPerClassScoresAndConfusionMatrixAndSaysWhenItCarriesNone() throws Exception {
    String committed = committedId();
    List<ClassScore> expected = ReportReader.classScores(
        ReleaseFiles.current(Path.of(models())).resolve("evaluation"));
    mvc.perform(as(get(RELEASES + "/" + committed + "/evaluation/classes"), "lab")).andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(expected.size()))
        .andExpect(jsonPath("$[0].label").value(expected.get(0).label()))
        .andExpect(jsonPath("$[0].support").value(expected.get(0).support()));
    byte[] png = mvc.perform(as(get(RELEASES + "/" + committed + "/evaluation/confusion-matrix.png"), "admin"))
        .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isGreaterThan(300);

    mvc.perform(get(RELEASES + "/" + committed + "/evaluation/confusion-matrix.png"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(as(get(RELEASES + "/no-such-release/evaluation/classes"), "admin"))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("no release no-such-release"));
    String bare = storedWithoutEvaluation(committed + "-bare");
    mvc.perform(as(get(RELEASES + "/" + bare + "/evaluation/confusion-matrix.png"), "admin"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("carries no evaluation/")));
  }

  /** Registers a copy of the committed release's top-level files only (no evaluation folder) under {@code id}. */
  private String storedWithoutEvaluation(String id) throws IOException {
    Path dir = WORK.resolve("bare").resolve(id);
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(ReleaseFiles.current(Path.of(models())))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    ReleaseManifest manifest = ReleaseFiles.readManifest(dir).withId(id);
    ReleaseFiles.writeManifest(dir, manifest);
    ReleaseLocation location = announcer.store(dir);
    registry.insert(new ReleaseRecord(id, Instant.now(), manifest.labels(), manifest.metrics(), location.uri(),
        location.sha256(), null, null, List.of(), List.of()));
    return id;
  }

  @Test
  void aDemandedRunPromotesItsChallengerAndPromotingTheOldReleaseRollsBack() throws Exception {
    String committed = committedId();
    String first = mvc.perform(as(post(RUNS), "admin")).andExpect(status().isAccepted())
        .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.startsWith(RUNS + "/")))
        .andExpect(jsonPath("$.trigger").value("DEMAND"))
        .andExpect(jsonPath("$.requestedBy").value("admin"))
        .andReturn().getResponse().getHeader(HttpHeaders.LOCATION).substring(RUNS.length() + 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> run(first).status() == RunStatus.RUNNING);
    String second = mvc.perform(as(post(RUNS), "admin")).andExpect(status().isAccepted())
        .andReturn().getResponse().getHeader(HttpHeaders.LOCATION).substring(RUNS.length() + 1);

    mvc.perform(as(post(RUNS), "admin")).andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.queuedRun").value(second))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(second)));

    TRAINING_MAY_END.countDown();
    await().atMost(Duration.ofSeconds(60)).until(() -> run(first).status() == RunStatus.SUCCEEDED
        && run(second).status() == RunStatus.SUCCEEDED);
    // The committed champion records how it was trained: the challengers were asked for the same recipe.
    TrainingRecipe championRecipe = TrainingRecipe.from(
        ReleaseFiles.readManifest(ReleaseFiles.current(Path.of(models()))).training()).orElseThrow();
    assertThat(LAST_REQUEST.get().head()).isEqualTo(championRecipe.head(LAST_REQUEST.get().seed()));
    assertThat(LAST_REQUEST.get().fieldViews()).isEqualTo(championRecipe.fieldViews());
    assertThat(LAST_REQUEST.get().fieldViewPhotosPerClass()).isEqualTo(championRecipe.fieldViewPhotosPerClass());
    String challenger = run(second).outcome().challengerReleaseId();
    String earlier = run(first).outcome().challengerReleaseId();
    assertThat(registry.find(challenger).orElseThrow().aliases()).containsExactly(Alias.CHAMPION);
    assertThat(registry.find(earlier).orElseThrow().aliases()).containsExactly(Alias.PREVIOUS);
    assertThat(registry.find(committed).orElseThrow().aliases()).isEmpty();
    assertThat(registry.find(challenger).orElseThrow().runId()).isEqualTo(second);
    mvc.perform(as(get(RUNS + "?size=2"), "lab")).andExpect(status().isOk())
        .andExpect(jsonPath("$.runs[0].id").value(second))
        .andExpect(jsonPath("$.runs[1].id").value(first))
        .andExpect(jsonPath("$.runs[0].outcome.promoted").value(true));
    try (ReleaseTopic topic = new ReleaseTopic(brokers)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> challenger.equals(topic.champion()));

      mvc.perform(as(post(RELEASES + "/" + committed + "/promote"), "admin")).andExpect(status().isOk())
          .andExpect(jsonPath("$.aliases[0]").value("champion"));

      await().atMost(Duration.ofSeconds(30)).until(() -> committed.equals(topic.champion()));
    }
    assertThat(registry.find(challenger).orElseThrow().aliases()).containsExactly(Alias.PREVIOUS);
    assertThat(registry.withAlias(Alias.CHAMPION).orElseThrow().id()).isEqualTo(committed);
  }

  private TrainingRun run(String id) {
    return mongo.findById(id, TrainingRun.class);
  }

  private static String committedId() throws IOException {
    return ReleaseFiles.readManifest(ReleaseFiles.current(Path.of(models()))).id();
  }

  private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String role) {
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid(role, role));
  }

  private static RunOutcome train(ChallengerRequest request) throws IOException {
    LAST_REQUEST.set(request);
    try {
      if (!TRAINING_MAY_END.await(2, TimeUnit.MINUTES)) {
        throw new IOException("the test never let the stand-in training end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    Path dir = request.workDir().resolve(request.runId()).resolve(request.releaseId());
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(request.championDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    ReleaseManifest champion = ReleaseFiles.readManifest(dir);
    ReleaseManifest manifest = champion.withId(request.releaseId());
    ReleaseFiles.writeManifest(dir, manifest);
    Comparison comparison = new Comparison(10, 0.8, 0.9, List.of(), new McNemar(0, 1, 1.0, "exact-binomial"),
        null, null);
    return new RunOutcome(dir, manifest, comparison, new Decision(true, List.of("stand-in: always promoted")),
        request.workDir().resolve(request.runId()), List.of());
  }

  private static Path folder(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
