package io.plantspy.infra.launcher;

import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.TopicNames;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one JVM, {@code kafka.Kafka}), with its
 * data under the state folder and listeners on the loopback address only. Formats its storage on first start.
 */
final class KafkaService implements PlatformService {

  static final NamedPort LISTENER = new NamedPort("kafka", 9092);
  static final NamedPort CONTROLLER = new NamedPort("kafka-controller", 9093);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final String NAME = "kafka";
  // Each stream task batches on its own: a multiple of the processor's stream threads keeps them evenly loaded
  // (2 threads here, 2 partitions each), and leaves room for a second processor instance.
  private static final int PARTITIONS = 4;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String key() {
    return NAME;
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(LISTENER, CONTROLLER);
  }

  /** Formats the storage if needed and starts the broker; does not wait for it. */
  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    StateFolder state = context.state();
    Path config = writeConfig(context.settings(), state);
    format(config, state);
    return ChildProcess.start(NAME, JavaCommand.of(jvmOptions(), "kafka.Kafka", List.of(config.toString())),
        state.root(), state.log(NAME), Map.of());
  }

  /** Ready once the cluster answers describeCluster; then creates PlantSpy's topics so the processor finds them. */
  @Override
  public void awaitReady(ChildProcess broker, ServiceContext context) throws ServiceFailedException {
    String bootstrap = bootstrap(context.settings());
    Readiness.await(broker, READY_TIMEOUT, () -> {
      try (Admin admin = admin(bootstrap)) {
        return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
      }
    });
    Readiness.await(broker, READY_TIMEOUT, () -> {
      createTopics(bootstrap, Optional.of((short) 1));
      return true;
    });
  }

  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Kafka bootstrap   " + bootstrap(context.settings()));
  }

  /** The bootstrap servers of the platform's broker, or of the Kafka cluster it was given. */
  static String bootstrap(PlatformSettings settings) {
    return settings.external().kafka().orElseGet(() -> settings.address(LISTENER));
  }

  /**
   * Prepares a Kafka cluster that runs elsewhere as {@link #awaitReady} prepares the platform's broker: waits until
   * it answers and creates the topics it lacks, with the cluster's own replication factor.
   */
  static void prepareExternal(String bootstrap, Consumer<String> out) throws ServiceFailedException {
    out.accept("using the Kafka cluster at " + bootstrap);
    Readiness.awaitExternal(NAME, READY_TIMEOUT, () -> {
      createTopics(bootstrap, Optional.empty());
      return true;
    });
  }

  static Admin admin(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    return Admin.create(props);
  }

  /**
   * Creates PlantSpy's topics that do not exist yet. {@code replication}: one on the platform's single broker; empty
   * for a cluster that runs elsewhere, whose {@code default.replication.factor} its operators chose.
   */
  private static void createTopics(String bootstrap, Optional<Short> replication) throws Exception {
    TopicNames names = TopicNames.defaults();
    List<NewTopic> topics = new ArrayList<>();
    BiFunction<String, Integer, NewTopic> newTopic =
        (name, partitions) -> new NewTopic(name, Optional.of(partitions), replication);
    for (String name : List.of(names.requests(), names.results(), names.dlq(), names.labSamples())) {
      NewTopic created = newTopic.apply(name, PARTITIONS);
      // Lab samples: the latest record per sample id counts, and a withdrawal is a tombstone.
      topics.add(names.compacted().contains(name)
          ? created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
          : created);
    }
    // Bulk-job items: as many partitions as the interactive requests, so the processor spreads them alike.
    topics.add(newTopic.apply(TopicNames.DIAGNOSIS_REQUESTS_BULK, PARTITIONS));
    // Their results: as many partitions as the interactive results (keys are diagnosis ids either way).
    topics.add(newTopic.apply(TopicNames.DIAGNOSIS_RESULTS_BULK, PARTITIONS));
    // Results of camera feed frames, read by the feed gateway (and the API and webhooks besides the results topic).
    topics.add(newTopic.apply(TopicNames.DIAGNOSIS_RESULTS_FEED, PARTITIONS));
    // Cancelled jobs, keyed by job id: compacted so a processor starting later still learns every cancellation.
    topics.add(newTopic.apply(TopicNames.JOB_CANCELLATIONS, 1)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    // Jobs that ended, keyed by job id, for the webhook service's job.* events.
    topics.add(newTopic.apply(TopicNames.JOB_EVENTS, 1));
    // The served release per alias: compacted so the latest announcement of each alias is kept for ever.
    topics.add(newTopic.apply(names.modelReleases(), 1)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    // The feed gateway's disease alerts (JSON), also read by the webhook service, which may start before the gateway.
    topics.add(newTopic.apply("plantspy.alerts", PARTITIONS));
    // Every writer's schema, keyed by fingerprint: compacted so it keeps one entry per schema for ever.
    topics.add(newTopic.apply(SchemaTopic.DEFAULT_NAME, 1)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    try (Admin admin = admin(bootstrap)) {
      for (NewTopic topic : topics) {
        try {
          admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  private static Path writeConfig(PlatformSettings settings, StateFolder state) throws IOException {
    String host = settings.host();
    int port = settings.port(LISTENER);
    int controller = settings.port(CONTROLLER);
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    // A static voter set: the controller's port can change between starts without reformatting.
    p.setProperty("controller.quorum.voters", "1@" + host + ":" + controller);
    p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controller);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", state.kafkaData().resolve("data").toString());
    p.setProperty("num.partitions", String.valueOf(PARTITIONS));
    // One broker: every internal topic must settle for one replica, or transactions (exactly-once) never work.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    // No three-second wait for more group members that will never come.
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    Path file = state.kafkaData().resolve("server.properties");
    Files.createDirectories(file.getParent());
    try (Writer writer = Files.newBufferedWriter(file)) {
      p.store(writer, "Written by the PlantSpy launcher at each start; edit the launcher, not this file.");
    }
    return file;
  }

  /** StorageTool format with a cluster id kept in the state folder; --ignore-formatted makes reruns no-ops. */
  private static void format(Path config, StateFolder state) throws IOException, ServiceFailedException {
    Path idFile = state.kafkaData().resolve("cluster.id");
    if (!Files.exists(idFile)) {
      Files.writeString(idFile, Uuid.randomUuid().toString());
    }
    String clusterId = Files.readString(idFile).trim();
    List<String> args = new ArrayList<>(List.of("format", "--config", config.toString(), "--cluster-id", clusterId,
        "--ignore-formatted"));
    ChildProcess tool = ChildProcess.start(NAME + "-format",
        JavaCommand.of(JavaCommand.LOG_INFO, "kafka.tools.StorageTool", args), state.root(),
        state.log(NAME + "-format"), Map.of());
    try {
      int exit = waitExit(tool);
      if (exit != 0) {
        throw new ServiceFailedException(NAME, "formatting its storage failed", tool.log(), null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tool.stop(Duration.ofSeconds(1));
      throw new ServiceFailedException(NAME, "interrupted while formatting", tool.log(), e);
    }
  }

  private static int waitExit(ChildProcess tool) throws InterruptedException, ServiceFailedException {
    Process process = tool.process().orElseThrow();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      tool.stop(Duration.ofSeconds(1));
      throw new ServiceFailedException(NAME, "formatting its storage took over 60 s", tool.log(), null);
    }
    return process.exitValue();
  }

  private static List<String> jvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Xms256m", "-Xmx768m", "-XX:+UseG1GC"));
    options.addAll(JavaCommand.LOG_INFO);
    return options;
  }
}
