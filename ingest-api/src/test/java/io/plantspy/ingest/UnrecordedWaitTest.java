package io.plantspy.ingest;

import static io.plantspy.ingest.ApiTestSupport.as;
import static io.plantspy.ingest.ApiTestSupport.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.mongo.DiagnosisStore;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * A waiting request without an Idempotency-Key, through the real API, Kafka and MongoDB: its diagnosis is written
 * by its result alone when the result comes within the wait, and recorded PENDING only after a wait that ended
 * without it, never over a result stored meanwhile. The API's MongoDB client reports every command it sends on
 * the {@code diagnoses} collection, so the tests see which writes a request caused and in what order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.schemas"})
class UnrecordedWaitTest {

  private static final Set<String> WRITES = Set.of("insert", "update", "findAndModify", "delete");
  private static final List<Command> COMMANDS = new CopyOnWriteArrayList<>();

  @Autowired ApplicationContext context;
  @Autowired ReactiveMongoTemplate mongo;
  @MockitoSpyBean DiagnosisStore diagnosisStore;
  private WebTestClient client;
  private FakeProcessor processor;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class RecordedCommands {

    @Bean
    MongoClientSettingsBuilderCustomizer recordDiagnosesCommands() {
      return settings -> settings.addCommandListener(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
          BsonValue collection = event.getCommand().get(event.getCommandName());
          if (collection != null && collection.isString()
              && DiagnosisDocument.COLLECTION.equals(collection.asString().getValue())) {
            // Read now: the event's document lives in the driver's buffer, reused once the command is sent.
            COMMANDS.add(new Command(event.getCommandName(), event.getCommand().toJson()));
          }
        }
      });
    }
  }

  /** A command sent on the {@code diagnoses} collection, as JSON. */
  record Command(String name, String json) {}

  @BeforeEach
  void setUp() {
    // Outwaits every wait here, so a request that never answers fails the test by what it did.
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(20)).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (processor != null) {
      processor.close();
    }
  }

  @Test
  void aWaitedRequestWhoseResultComesInTimeIsWrittenOnceByItsResult() {
    processor = new FakeProcessor(brokers(), "unrecorded-wait-" + UUID.randomUUID());

    String id = idOf(as(client, "wanda", "category", "health").post().uri("/api/v1/diagnoses?wait=5s")
        .body(image(TestImages.png(30))).exchange()
        .expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody());

    assertThat(writesOf(id)).as("the result's bulk write only, no PENDING record").containsExactly("update");
    DiagnosisRequest request = processor.seen.stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
    DiagnosisDocument stored = stored(id);
    assertThat(stored.status().name()).isEqualTo("DONE");
    assertThat(stored.owner()).isEqualTo("wanda");
    assertThat(stored.createdAt()).as("accepted at").isEqualTo(request.getCreatedAt());
    assertThat(stored.requestedAnswers()).containsExactlyInAnyOrder("CATEGORY", "HEALTH");
    assertThat(stored.source()).isEqualTo("UPLOAD");
  }

  @Test
  void aWaitThatEndsWithoutTheResultRecordsItPendingAfterwardsAndAnswers202() {
    // Nothing answers requests here, so the wait runs to its deadline.
    String location = as(client, "xena", "category").post().uri("/api/v1/diagnoses?wait=1s")
        .body(image(TestImages.png(31))).exchange()
        .expectStatus().isAccepted()
        .expectBody().jsonPath("$.status").isEqualTo("PENDING")
        .returnResult().getResponseHeaders().getLocation().toString();
    String id = location.substring(location.lastIndexOf('/') + 1);

    as(client, "xena", "category").get().uri(location).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("PENDING");
    List<String> commands = commandsOf(id);
    assertThat(commands).as("recorded once").containsOnlyOnce("findAndModify");
    assertThat(commands.indexOf("findAndModify")).as("recorded after the wait's look at the deadline: " + commands)
        .isGreaterThan(commands.indexOf("find"));
  }

  @Test
  void aResultStoredBetweenTheDeadlineAndTheRecordStaysDoneAndIsTheAnswer() {
    // As if another instance's listener stored the result just after this wait's deadline (a result carries no
    // request fields): the late record must neither reopen it nor answer it as pending.
    doAnswer(record -> {
      DiagnosisDocument pending = record.getArgument(0);
      Mono<?> recorded = (Mono<?>) record.callRealMethod(); // lazy: it runs when subscribed, after the result
      return diagnosisStore.completeAll(List.of(
          new DiagnosisStore.Completion(pending.id(), pending.owner(), tomato(), null))).then(recorded);
    }).when(diagnosisStore).insertPending(argThat(d -> d != null && "yara".equals(d.owner())));

    Map<?, ?> answer = as(client, "yara", "category").post().uri("/api/v1/diagnoses?wait=1s")
        .body(image(TestImages.png(32))).exchange()
        .expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(answer.get("status")).isEqualTo("DONE");
    assertThat(((Map<?, ?>) answer.get("category")).get("label")).isEqualTo("Tomato");
    String id = idOf(answer);

    as(client, "yara", "category").get().uri("/api/v1/diagnoses/" + id).exchange()
        .expectBody().jsonPath("$.status").isEqualTo("DONE");
    DiagnosisDocument stored = stored(id);
    assertThat(stored.result().category().label()).isEqualTo("Tomato");
    assertThat(stored.requestedAnswers()).as("the request's fields added to the result's document")
        .containsExactly("CATEGORY");
  }

  @Test
  void aWaitThatFailsRecordsTheRequestPendingAndAnswers202() {
    doAnswer(wait -> Mono.error(new IllegalStateException("the wait broke")))
        .when(diagnosisStore).awaitSettled(argThat(d -> d != null && "zelda".equals(d.owner())), any(), any());

    String location = as(client, "zelda", "category").post().uri("/api/v1/diagnoses?wait=5s")
        .body(image(TestImages.png(33))).exchange()
        .expectStatus().isAccepted()
        .returnResult(Void.class).getResponseHeaders().getLocation().toString();

    as(client, "zelda", "category").get().uri(location).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("PENDING");
  }

  // --- helpers ---

  private String brokers() {
    return context.getEnvironment().getProperty("spring.embedded.kafka.brokers");
  }

  private static String idOf(Map<?, ?> body) {
    return body.get("id").toString();
  }

  /** The names of the commands sent about diagnosis {@code id}, in the order they were sent. */
  private static List<String> commandsOf(String id) {
    return COMMANDS.stream().filter(c -> c.json().contains(id)).map(Command::name).toList();
  }

  private static List<String> writesOf(String id) {
    return commandsOf(id).stream().filter(WRITES::contains).toList();
  }

  private DiagnosisDocument stored(String id) {
    return await("diagnosis " + id + " in MongoDB").atMost(Duration.ofSeconds(10))
        .until(() -> mongo.findById(id, DiagnosisDocument.class).block(Duration.ofSeconds(5)), d -> d != null);
  }

  private static StoredResult tomato() {
    return new StoredResult(FakeProcessor.MODEL_RELEASE, new StoredResult.Label("Tomato", 0.98f), null, null, null,
        List.of(), false, null, null, new StoredResult.Timings(5, 3, 20, 1), Instant.now(), null);
  }
}
