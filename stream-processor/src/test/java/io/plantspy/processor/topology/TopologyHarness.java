package io.plantspy.processor.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.config.StreamsSettings;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.inference.BatchClassifier;
import io.plantspy.processor.priority.Lane;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver around {@link DiagnosisTopology} with typed test topics. */
final class TopologyHarness implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-27T12:00:00Z");

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final TopologyTestDriver driver;
  final TestInputTopic<String, byte[]> requests;
  /** The results topic of this topology: interactive results, or bulk results for {@link #bulk}. */
  final TestOutputTopic<String, DiagnosisResult> results;
  /** The results topic of the other kind of work, which this topology must never write. */
  final TestOutputTopic<String, DiagnosisResult> otherResults;
  /** Results of feed frames (interactive topology only). */
  final TestOutputTopic<String, DiagnosisResult> feedResults;
  final TestOutputTopic<String, byte[]> dlq;
  /** The cancellations topic; only the bulk topology reads it. */
  final TestInputTopic<String, String> cancellations;

  TopologyHarness(ProcessorProperties config, BatchClassifier classifier, ImageResolver images, Path stateDir) {
    this(config, stateDir, config.topicNames().requests(), config.topicNames().results(),
        config.bulk().resultsTopic(), registry -> DiagnosisTopology.buildTopology(config, classifier, images, registry, SchemaCatalog.load()));
  }

  /** The bulk topology, its items piped into {@link #requests}, with no interactive work to make way for. */
  static TopologyHarness bulk(ProcessorProperties config, BatchClassifier classifier, ImageResolver images,
      Path stateDir) {
    return new TopologyHarness(config, stateDir, config.bulk().topic(), config.bulk().resultsTopic(),
        config.topicNames().results(), registry -> DiagnosisTopology.buildBulkTopology(config, classifier, images, registry, SchemaCatalog.load(),
            Lane::ungated));
  }

  private TopologyHarness(ProcessorProperties config, Path stateDir, String requestsTopic, String resultsTopic,
      String otherResultsTopic, Function<MeterRegistry, Topology> topology) {
    Properties props = StreamsSettings.from(config.withKafka("dummy:9092", "topology-test", stateDir, 1));
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // Task-level metrics (punctuation counts among them) are recorded at DEBUG only.
    props.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, "DEBUG");
    driver = new TopologyTestDriver(topology.apply(registry), props, START);
    TopicNames names = config.topicNames();
    requests = driver.createInputTopic(requestsTopic, Serdes.String().serializer(),
        Serdes.ByteArray().serializer(), START, Duration.ZERO);
    cancellations = driver.createInputTopic(config.bulk().cancellationsTopic(), Serdes.String().serializer(),
        Serdes.String().serializer(), START, Duration.ZERO);
    Topics topics = Topics.defaults();
    results = driver.createOutputTopic(resultsTopic, Serdes.String().deserializer(),
        topics.results().valueSerde().deserializer());
    otherResults = driver.createOutputTopic(otherResultsTopic, Serdes.String().deserializer(),
        topics.results().valueSerde().deserializer());
    feedResults = driver.createOutputTopic(topics.feedResults().name(), Serdes.String().deserializer(),
        topics.results().valueSerde().deserializer());
    dlq = driver.createOutputTopic(names.dlq(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  void send(DiagnosisRequest request) {
    requests.pipeInput(request.getId(), encode(request));
  }

  static byte[] encode(DiagnosisRequest request) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DiagnosisRequest.getEncoder().encode(request, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void advance(Duration wallClock) {
    driver.advanceWallClockTime(wallClock);
  }

  long buffered() {
    return driver.<String, DiagnosisRequest>getKeyValueStore(DiagnosisTopology.BUFFER_STORE).approximateNumEntries();
  }

  /** How many times Kafka Streams has run a punctuator of any task; each run makes it commit. */
  double punctuations() {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().group().equals("stream-task-metrics") && e.getKey().name().equals("punctuate-total"))
        .mapToDouble(e -> (Double) e.getValue().metricValue())
        .sum();
  }

  @Override
  public void close() {
    driver.close();
  }
}
