package io.plantspy.processor.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.inference.BatchClassifier;
import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.Topics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topology, as a pure function of its configuration and collaborators (no Kafka connection), so
 * the same code runs under the TopologyTestDriver and in production:
 *
 * <pre>
 * requests (String, byte[]) → decode ─┬─→ micro-batcher [buffer, attempts] ─┬─→ results
 *                                     │                                    └─→ dlq (a request that kept failing)
 *                                     ├─→ results (error result for a corrupt record)
 *                                     └─→ dlq (its raw bytes)
 * </pre>
 */
public final class DiagnosisTopology {

  static final String SOURCE = "requests-source";
  static final String DECODER = "decode-requests";
  static final String BATCHER = "micro-batcher";
  static final String RESULTS_SINK = "results-sink";
  static final String DLQ_SINK = "dlq-sink";
  /** The buffer of requests waiting for a batch; its changelog topic is {applicationId}-diagnosis-buffer-changelog. */
  public static final String BUFFER_STORE = "diagnosis-buffer";
  /** Failed tries of buffered requests; changelogged like the buffer, so a restart does not reset the count. */
  public static final String ATTEMPTS_STORE = "diagnosis-attempts";

  private DiagnosisTopology() {}

  /**
   * @param schemas resolves the writer schemas of requests and announces the results' schema; in production
   *     connected to the schema topic ({@link SchemaCatalog#load(io.plantspy.schemas.SchemaTopic)})
   */
  public static Topology buildTopology(ProcessorProperties config, BatchClassifier classifier, ImageResolver images,
      MeterRegistry registry, SchemaCatalog schemas) {
    Topics topics = Topics.from(config.topicNames(), schemas);
    DiagnosisMetrics metrics = new DiagnosisMetrics(registry, classifier::releaseId);
    ImageLimits defaults = ImageLimits.defaults();
    LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(new ImageLimits(
        config.maxImageBytes().toBytes(), defaults.maxWidth(), defaults.maxHeight(), defaults.maxPixels()));
    BatchDiagnoser diagnoser = new BatchDiagnoser(preprocessor, images, classifier, metrics);

    // In memory is enough: the buffer never holds more than one batch, and the changelog (logging on, which is
    // what makes the buffer survive a crash) restores it on whichever instance takes the partition over.
    // Caching on: a request buffered and answered within one commit interval (the usual case) then reaches the
    // changelog as a key-only tombstone at the commit instead of its whole image, which halves the bytes the
    // broker writes per request. What is still buffered at a commit is flushed to the changelog in that same
    // transaction, so the delivery guarantee is unchanged.
    StoreBuilder<KeyValueStore<String, DiagnosisRequest>> buffer = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(BUFFER_STORE), Serdes.String(), topics.requests().valueSerde())
        .withLoggingEnabled(Map.of())
        .withCachingEnabled();
    StoreBuilder<KeyValueStore<String, Integer>> attempts = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(ATTEMPTS_STORE), Serdes.String(), Serdes.Integer())
        .withLoggingEnabled(Map.of());

    Topology topology = new Topology();
    // Values stay bytes until the decoder, so a corrupt record can be dead-lettered from inside the transaction.
    topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
        topics.requests().name());
    topology.addProcessor(DECODER,
        () -> new RequestDecoder(topics.requests().valueSerde().deserializer(), metrics), SOURCE);
    topology.addProcessor(BATCHER,
        () -> new MicroBatcher(BUFFER_STORE, ATTEMPTS_STORE, config, topics.requests().name(),
            topics.requests().valueSerde().serializer(), diagnoser, metrics),
        DECODER);
    topology.addStateStore(buffer, BATCHER);
    topology.addStateStore(attempts, BATCHER);
    topology.addSink(RESULTS_SINK, topics.results().name(), topics.results().keySerde().serializer(),
        topics.results().valueSerde().serializer(), DECODER, BATCHER);
    topology.addSink(DLQ_SINK, topics.dlq().name(), topics.dlq().keySerde().serializer(),
        topics.dlq().valueSerde().serializer(), DECODER, BATCHER);
    return topology;
  }
}
