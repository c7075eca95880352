package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoClient;
import io.plantspy.schemas.TopicNames;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's Java API starts a real Kafka broker (KRaft) and the Mongo server as child JVMs on free ports in
 * a temporary state folder, both answer real clients, and stopping frees their ports again. Keycloak is left
 * out: KeycloakRealmIT already runs it, and it would add about 40 s.
 */
class PlatformIT {

  @TempDir
  Path dir;

  @Test
  void kafkaAndMongoStartServeAndStop() throws Exception {
    PlatformSettings settings = new PlatformSettings(Path.of("..").toAbsolutePath(), dir.resolve("state"),
        PlatformSettings.DEFAULT_HOST, FreePorts.forPlatform(), Map.of(), Duration.ofSeconds(30));
    List<PlatformService> kafkaAndMongo = List.of(Services.byKey("kafka").orElseThrow(),
        Services.byKey("mongo").orElseThrow());

    try (Platform platform = Platform.start(settings, kafkaAndMongo, System.out::println)) {
      assertThat(platform.processes()).extracting(ChildProcess::name).containsExactly("kafka", "mongo");
      assertThat(platform.describe().services()).extracting(PlatformState.RecordedService::name,
          PlatformState.RecordedService::statusPort)
          .containsExactly(tuple("kafka", settings.port(KafkaService.LISTENER)),
              tuple("mongo", settings.port(MongoService.PORT)));

      roundTripOneRecord(KafkaService.bootstrap(settings));
      assertListensOnLoopbackOnly(settings);

      try (MongoClient client = MongoService.client(MongoService.uri(settings))) {
        var leaves = client.getDatabase("plantspy").getCollection("leaves");
        leaves.insertOne(new Document("_id", "leaf-1").append("label", "healthy"));
        assertThat(leaves.find(new Document("_id", "leaf-1")).first()).containsEntry("label", "healthy");
      }

      aPlatformGivenTheseAsExternalPartsPreparesThemInsteadOfStartingItsOwn(settings);
    }

    for (NamedPort port : List.of(KafkaService.LISTENER, KafkaService.CONTROLLER, MongoService.PORT)) {
      assertThat(Readiness.listening(settings.host(), settings.port(port))).as("%s after close", port).isFalse();
    }
    assertThat(settings.stateDir().resolve("mongo/mongo.mv")).isRegularFile();
    assertThat(settings.stateDir().resolve("logs/kafka.log")).isRegularFile();
  }

  /**
   * What {@code up --kafka --mongodb} does against parts that run elsewhere (here: the platform above, standing in
   * for a cluster): no process of its own, the missing topics created, the addresses recorded for other commands.
   */
  private void aPlatformGivenTheseAsExternalPartsPreparesThemInsteadOfStartingItsOwn(PlatformSettings cluster)
      throws Exception {
    String bootstrap = KafkaService.bootstrap(cluster);
    try (Admin admin = KafkaService.admin(bootstrap)) {
      admin.deleteTopics(List.of(TopicNames.JOB_EVENTS)).all().get(10, TimeUnit.SECONDS);
      SupervisorTest.await(() -> !topics(admin).contains(TopicNames.JOB_EVENTS));
    }
    ExternalParts external = new ExternalParts(Optional.of(bootstrap),
        Optional.of(MongoService.uri(cluster) + "/?serverSelectionTimeoutMS=3000"), Optional.empty());
    PlatformSettings settings = new PlatformSettings(Path.of("..").toAbsolutePath(), dir.resolve("other-state"),
        PlatformSettings.DEFAULT_HOST, FreePorts.forPlatform(), Map.of(), Duration.ofSeconds(30), external);
    List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();

    try (Platform platform = Platform.start(settings, List.of(), out::add)) {
      assertThat(platform.processes()).isEmpty();
      assertThat(out).anyMatch(line -> line.contains("using the Kafka cluster at " + bootstrap))
          .anyMatch(line -> line.contains("using the MongoDB at"));
      try (Admin admin = KafkaService.admin(bootstrap)) {
        assertThat(topics(admin)).contains(TopicNames.JOB_EVENTS, TopicNames.DIAGNOSIS_REQUESTS_BULK);
      }
      PlatformState recorded = platform.describe();
      assertThat(recorded.kafkaBootstrap()).isEqualTo(bootstrap);
      assertThat(recorded.external()).containsEntry("mongo", MongoService.uri(cluster));
    }
  }

  private static java.util.Set<String> topics(Admin admin) {
    try {
      return admin.listTopics().names().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aMongoKilledWithSigkillIsRestartedOnItsPortWithItsData() throws Exception {
    PlatformSettings settings = new PlatformSettings(Path.of("..").toAbsolutePath(), dir.resolve("state"),
        PlatformSettings.DEFAULT_HOST, FreePorts.forPlatform(), Map.of(), Duration.ofSeconds(30));
    PlatformService mongo = Services.byKey("mongo").orElseThrow();
    List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();

    try (Platform platform = Platform.start(settings, List.of(mongo), out::add)) {
      Supervisor supervisor = new Supervisor(platform,
          new RestartPolicy(3, Duration.ofMinutes(10), Duration.ZERO, Duration.ZERO), System::nanoTime, out::add);
      Path file = settings.stateDir().resolve("mongo/mongo.mv");
      try (MongoClient client = MongoService.client(MongoService.uri(settings))) {
        client.getDatabase("plantspy").getCollection("leaves")
            .insertOne(new Document("_id", "survivor").append("label", "healthy"));
      }
      // H2 commits pending changes in the background about once a second; a SIGKILL before that loses the write
      // by design. The first file change seen may be the store's own start-up commit, so wait until the file has
      // been still for three commit periods after the insert: by then nothing the insert changed is pending.
      long inserted = System.currentTimeMillis();
      SupervisorTest.await(() -> stillFor(file, inserted, Duration.ofSeconds(3)));
      ChildProcess killed = platform.processes().get(0);

      ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();
      SupervisorTest.await(() -> {
        supervisor.check();
        return platform.processes().get(0).pid() != killed.pid() && platform.exited().isEmpty();
      });

      try (MongoClient client = MongoService.client(MongoService.uri(settings))) {
        assertThat(client.getDatabase("plantspy").getCollection("leaves").find(new Document("_id", "survivor"))
            .first()).containsEntry("label", "healthy");
      }
      assertThat(out).anyMatch(line -> line.contains("mongo died")).anyMatch(line -> line.contains("mongo restarted"));
      assertThat(platform.state().platform().orElseThrow().services()).singleElement()
          .satisfies(s -> assertThat(s.restarts()).isEqualTo(1));
    }
  }

  /** Whether neither the file nor the caller has changed anything for {@code quiet} since {@code changedAt}. */
  private static boolean stillFor(Path file, long changedAt, Duration quiet) {
    return System.currentTimeMillis() - Math.max(changedAt, lastModified(file)) >= quiet.toMillis();
  }

  private static long lastModified(Path file) {
    try {
      return java.nio.file.Files.getLastModifiedTime(file).toMillis();
    } catch (java.io.IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void assertListensOnLoopbackOnly(PlatformSettings settings) throws Exception {
    Optional<InetAddress> external = ThisMachine.nonLoopbackAddress();
    if (external.isEmpty()) {
      System.out.println("this machine has no non-loopback address: loopback-only binding not checked");
      return;
    }
    for (NamedPort port : List.of(KafkaService.LISTENER, KafkaService.CONTROLLER, MongoService.PORT)) {
      assertThat(ThisMachine.accepts(external.get(), settings.port(port))).as("%s on %s", port, external.get())
          .isFalse();
    }
  }

  private static void roundTripOneRecord(String bootstrap) throws Exception {
    String topic = "plantspy.it.roundtrip";
    Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "leaf-1", "hello")).get();
    }
    Properties consumerConfig = new Properties();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "plantspy-it");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          assertThat(record.key()).isEqualTo("leaf-1");
          assertThat(record.value()).isEqualTo("hello");
          return;
        }
      }
    }
    throw new AssertionError("the record produced to " + topic + " was not consumed within 30 s");
  }
}
