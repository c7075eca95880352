package io.plantspy.processor.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.inference.BatchClassifier;
import io.plantspy.processor.metrics.BulkMetrics;
import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.processor.priority.Lane;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.RequestSource;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.Topics;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topologies, as pure functions of their configuration and collaborators (no Kafka connection), so
 * the same code runs under the TopologyTestDriver and in production. The interactive one:
 *
 * <pre>
 * requests (String, byte[]) → decode ─┬─→ micro-batcher [buffer, attempts] ─┬─→ results (not a feed frame's)
 *                                     │                                    ├─→ results.feed (source FEED)
 *                                     │                                    └─→ dlq (a request that kept failing)
 *                                     ├─→ results (error result for a corrupt record, whose source is unknown)
 *                                     └─→ dlq (its raw bytes)
 * </pre>
 *
 * <p>The bulk one, run by a Kafka Streams instance of its own, is the same from the bulk items' topic, with bulk
 * batch limits, a bulk lane, and items of cancelled jobs dropped before the batcher:
 *
 * <pre>
 * requests.bulk → decode ─┬─→ skip cancelled [cancelled jobs, global] ─→ micro-batcher ─┬─→ results.bulk
 *                         ├─→ results.bulk, dlq (a corrupt record)                     └─→ dlq
 * jobs.cancellations ─→ [cancelled jobs] (a global store: every instance reads every cancellation)
 * </pre>
 */
public final class DiagnosisTopology {

  static final String SOURCE = "requests-source";
  static final String DECODER = "decode-requests";
  static final String SKIP_CANCELLED = "skip-cancelled";
  static final String BATCHER = "micro-batcher";
  static final String RESULTS_SINK = "results-sink";
  static final String FEED_RESULTS_SINK = "feed-results-sink";
  static final String DLQ_SINK = "dlq-sink";
  /** The buffer of requests waiting for a batch; its changelog topic is {applicationId}-diagnosis-buffer-changelog. */
  public static final String BUFFER_STORE = "diagnosis-buffer";
  /** Failed tries of buffered requests; changelogged like the buffer, so a restart does not reset the count. */
  public static final String ATTEMPTS_STORE = "diagnosis-attempts";
  /** The ids of cancelled jobs, read from the cancellations topic (a global store: no changelog of its own). */
  public static final String CANCELLED_JOBS_STORE = "cancelled-jobs";

  private DiagnosisTopology() {}

  /**
   * The interactive topology with no other kind of work to make way for (tests, tools).
   *
   * @param schemas resolves the writer schemas of requests and announces the results' schema; in production
   *     connected to the schema topic ({@link SchemaCatalog#load(io.plantspy.schemas.SchemaTopic)})
   */
  public static Topology buildTopology(ProcessorProperties config, BatchClassifier classifier, ImageResolver images,
      MeterRegistry registry, SchemaCatalog schemas) {
    return buildTopology(config, classifier, images, registry, schemas, Lane::ungated);
  }

  /** The interactive topology; each of its batchers takes a lane from {@code lanes} (the gate's interactive ones). */
  public static Topology buildTopology(ProcessorProperties config, BatchClassifier classifier, ImageResolver images,
      MeterRegistry registry, SchemaCatalog schemas, Supplier<Lane> lanes) {
    Topics topics = Topics.from(config.topicNames(), schemas);
    Topology topology = new Topology();
    addPipeline(topology, topics.requests().name(), topics.results().name(), config.batch(), config, classifier,
        images, registry, topics, lanes, null, DiagnosisTopology::interactiveResultsSink);
    // Feed frames' answers on a topic of their own, so the feed gateway reads only those (docs/architecture.md).
    topology.addSink(FEED_RESULTS_SINK, topics.feedResults().name(), topics.feedResults().keySerde().serializer(),
        topics.feedResults().valueSerde().serializer(), BATCHER);
    return topology;
  }

  /** The bulk topology; each of its batchers takes a lane from {@code lanes} (the gate's bulk ones). */
  public static Topology buildBulkTopology(ProcessorProperties config, BatchClassifier classifier,
      ImageResolver images, MeterRegistry registry, SchemaCatalog schemas, Supplier<Lane> lanes) {
    Topics topics = Topics.from(config.topicNames(), schemas);
    BulkMetrics bulkMetrics = new BulkMetrics(registry);
    Topology topology = new Topology();
    addPipeline(topology, config.bulk().topic(), config.bulk().resultsTopic(), config.bulk().batch(), config,
        classifier, images, registry, topics, lanes, () -> new SkipCancelled(bulkMetrics), request -> RESULTS_SINK);
    // In memory: the compacted topic holds one small record per cancelled job and is read again at each start.
    StoreBuilder<KeyValueStore<String, String>> cancelled = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(CANCELLED_JOBS_STORE), Serdes.String(), Serdes.String())
        .withLoggingDisabled(); // a global store is restored from its own topic
    topology.addGlobalStore(cancelled, "cancellations-source", Serdes.String().deserializer(),
        Serdes.String().deserializer(), config.bulk().cancellationsTopic(), "cancellations-updater",
        CancelledJobsUpdater::new);
    return topology;
  }

  /** The sink of an interactive request's result: a feed frame's goes to the feed results topic. */
  static String interactiveResultsSink(DiagnosisRequest request) {
    return request.getSource() == RequestSource.FEED ? FEED_RESULTS_SINK : RESULTS_SINK;
  }

  /**
   * Source, decoder, batcher and sinks, with {@code skipCancelled} (if not null) between decoder and batcher. The
   * batcher forwards each result to the sink {@code resultsSink} names for its request (the caller adds any sink
   * other than {@link #RESULTS_SINK}); error results of corrupt records go to {@code resultsTopic}.
   */
  private static void addPipeline(Topology topology, String sourceTopic, String resultsTopic,
      ProcessorProperties.Batch limits,
      ProcessorProperties config, BatchClassifier classifier, ImageResolver images, MeterRegistry registry,
      Topics topics, Supplier<Lane> lanes, ProcessorSupplier<String, Object, String, Object> skipCancelled,
      Function<DiagnosisRequest, String> resultsSink) {
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

    // Values stay bytes until the decoder, so a corrupt record can be dead-lettered from inside the transaction.
    topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), sourceTopic);
    String afterDecode = skipCancelled == null ? BATCHER : SKIP_CANCELLED;
    String batcherParent = skipCancelled == null ? DECODER : SKIP_CANCELLED;
    topology.addProcessor(DECODER,
        () -> new RequestDecoder(topics.requests().valueSerde().deserializer(), metrics, afterDecode), SOURCE);
    if (skipCancelled != null) {
      topology.addProcessor(SKIP_CANCELLED, skipCancelled, DECODER);
    }
    topology.addProcessor(BATCHER,
        () -> new MicroBatcher(BUFFER_STORE, ATTEMPTS_STORE, limits, config.retry(), sourceTopic,
            topics.requests().valueSerde().serializer(), diagnoser, metrics, lanes.get(), resultsSink),
        batcherParent);
    topology.addStateStore(buffer, BATCHER);
    topology.addStateStore(attempts, BATCHER);
    topology.addSink(RESULTS_SINK, resultsTopic, topics.results().keySerde().serializer(),
        topics.results().valueSerde().serializer(), DECODER, BATCHER);
    topology.addSink(DLQ_SINK, topics.dlq().name(), topics.dlq().keySerde().serializer(),
        topics.dlq().valueSerde().serializer(), DECODER, BATCHER);
  }
}
