package io.plantspy.processor.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;

import io.plantspy.model.store.ReleaseAnnouncements;
import io.plantspy.schemas.TopicNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the stream processor can be told, bound from {@code plantspy.processor.*} and validated at startup
 * so that a bad value stops the service before it joins the consumer group.
 *
 * @param bootstrapServers Kafka brokers
 * @param applicationId Kafka Streams application id: consumer group, transactional id prefix and changelog prefix
 * @param replicationFactor of the changelog and repartition topics Kafka Streams creates; -1 takes the broker's
 *     default.replication.factor, 1 for a single local broker
 * @param numStreamThreads stream threads per instance; each runs its own batches through the shared model session
 *     (ONNX Runtime allows concurrent runs). The default 2, with one intra-op thread each, suits a small machine
 *     shared with other services: two single-threaded runs keep both cores busy without the per-operator barrier
 *     of one two-threaded run, which stalls whenever another process holds one of the cores
 * @param stateDir where Kafka Streams keeps local state; null for its default under java.io.tmpdir
 * @param topics overrides of the default topic names
 * @param modelsDir folder with {@code CURRENT} and {@code releases/}
 * @param releaseDir a release folder to serve instead of the one {@code modelsDir/CURRENT} names
 * @param batch micro-batching limits
 * @param inference ONNX Runtime settings
 * @param maxImageBytes largest image accepted, inline or fetched from a blob store
 * @param gridfs MongoDB GridFS holding claim-checked images; absent means such references are answered
 *     IMAGE_NOT_FOUND
 * @param retry how a batch whose infrastructure failed (blob store unreachable, model runtime error) is retried
 * @param releases how the processor follows the release announced on the releases topic
 * @param bulk items of bulk jobs: their topic, their own Kafka Streams instance, their batches and priority
 * @param streams extra Kafka Streams properties, applied last (e.g. commit.interval.ms)
 */
@Validated
@ConfigurationProperties(prefix = ProcessorProperties.PREFIX)
public record ProcessorProperties(
    @DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
    @DefaultValue("plantspy-stream-processor") @NotBlank String applicationId,
    @DefaultValue("-1") @Min(-1) @Max(32) int replicationFactor,
    @DefaultValue("2") @Min(1) @Max(64) int numStreamThreads,
    Path stateDir,
    @DefaultValue @Valid Topics topics,
    @DefaultValue("models") @NotNull Path modelsDir,
    Path releaseDir,
    @DefaultValue @Valid Batch batch,
    @DefaultValue @Valid Inference inference,
    @DefaultValue("20MB") @NotNull DataSize maxImageBytes,
    @Valid GridFs gridfs,
    @DefaultValue @Valid Retry retry,
    @DefaultValue @Valid Releases releases,
    @DefaultValue @Valid Bulk bulk,
    Map<String, String> streams) {

  static final String PREFIX = "plantspy.processor";

  public ProcessorProperties {
    // replication.factor 0 is rejected by Kafka; -1 (broker default) and positive values are accepted.
    if (replicationFactor == 0) {
      throw new IllegalArgumentException("plantspy.processor.replication-factor must be -1 or positive");
    }
    if (maxImageBytes != null && maxImageBytes.toBytes() <= 0) {
      throw new IllegalArgumentException("plantspy.processor.max-image-bytes must be positive");
    }
    if (topics != null) {
      topics.resolve(); // TopicNames refuses illegal or shared names: fail at startup, not at first use.
    }
    if (topics != null && bulk != null && bulk.topic().equals(topics.resolve().requests())) {
      // One topic read by both instances would answer every request twice.
      throw new IllegalArgumentException("plantspy.processor.bulk.topic must differ from the requests topic");
    }
    if (topics != null && bulk != null && bulk.resultsTopic().equals(topics.resolve().results())) {
      // Bulk results on the interactive topic would reach every consumer of interactive results again.
      throw new IllegalArgumentException("plantspy.processor.bulk.results-topic must differ from the results topic");
    }
    streams = streams == null ? Map.of() : Map.copyOf(streams);
  }

  /**
   * The defaults, for code and tests that build a topology without Spring: bound from no properties at all, so
   * they are the {@code @DefaultValue}s above and live nowhere else.
   */
  public static ProcessorProperties defaults() {
    return bind(Map.of());
  }

  /** Binds {@code properties} (names relative to {@code plantspy.processor}, e.g. {@code models-dir}). */
  public static ProcessorProperties bind(Map<String, String> properties) {
    MapConfigurationPropertySource source = new MapConfigurationPropertySource();
    properties.forEach((name, value) -> source.put(PREFIX + "." + name, value));
    return new Binder(source).bindOrCreate(PREFIX, ProcessorProperties.class);
  }

  /** The same settings with other batching limits; topology tests vary only these. */
  public ProcessorProperties withBatch(int maxSize, Duration maxWait) {
    return new ProcessorProperties(bootstrapServers, applicationId, replicationFactor, numStreamThreads, stateDir,
        topics, modelsDir, releaseDir, new Batch(maxSize, maxWait), inference, maxImageBytes, gridfs, retry, releases,
        bulk, streams);
  }

  /** The same settings pointed at other brokers, state folder and application id (integration tests). */
  public ProcessorProperties withKafka(String bootstrapServers, String applicationId, Path stateDir,
      int replicationFactor) {
    return new ProcessorProperties(bootstrapServers, applicationId, replicationFactor, numStreamThreads, stateDir,
        topics, modelsDir, releaseDir, batch, inference, maxImageBytes, gridfs, retry, releases, bulk, streams);
  }

  /** The same settings with other bulk settings (tests). */
  public ProcessorProperties withBulk(Bulk bulk) {
    return new ProcessorProperties(bootstrapServers, applicationId, replicationFactor, numStreamThreads, stateDir,
        topics, modelsDir, releaseDir, batch, inference, maxImageBytes, gridfs, retry, releases, bulk, streams);
  }

  /** The topic names in force: the defaults of {@link TopicNames} with the configured overrides. */
  public TopicNames topicNames() {
    return topics.resolve();
  }

  /**
   * Overrides of the topic names the processor uses; each left out keeps {@link TopicNames#defaults()}, so the
   * default names live in one place (the schemas module). TopicNames validates the result.
   */
  public record Topics(String requests, String results, String dlq) {

    TopicNames resolve() {
      TopicNames d = TopicNames.defaults();
      return new TopicNames(requests == null ? d.requests() : requests, results == null ? d.results() : results,
          dlq == null ? d.dlq() : dlq, d.labSamples(), d.modelReleases());
    }
  }

  /**
   * @param maxSize a batch is run as soon as this many requests are buffered. The default 4 is what measured best
   *     on the 2-core development machine with the platform running beside the processor: two stream threads with
   *     one intra-op thread each answered 142 images/s at batch 4 against 128 at batch 8 (and 124 for one
   *     two-threaded session at batch 8). A smaller batch also fills sooner when the load is spread over several
   *     partitions, so fewer batches leave on the timer half empty. Raise it where inference is vectorised wider
   *     (a GPU, many cores)
   * @param maxWait a partial batch is run once its oldest request has waited this long (plus at most one poll,
   *     see StreamsSettings)
   */
  public record Batch(@DefaultValue("4") @Min(1) @Max(256) int maxSize, @DefaultValue("20ms") @NotNull Duration maxWait) {

    public Batch {
      if (maxWait != null) { // a missing one is reported by @NotNull
        requirePositive("plantspy.processor.batch.max-wait", maxWait);
      }
    }
  }

  /**
   * @param intraOpThreads ONNX Runtime threads for one operator (0 = its default, one per core). 1 by default:
   *     parallelism comes from the stream threads instead (see numStreamThreads)
   * @param cuda ask for the CUDA execution provider (needs the gpu build profile; falls back to CPU)
   * @param allowSpinning let idle intra-op threads busy-wait for work (ONNX Runtime's own default). Off by default:
   *     the processor shares its CPU with the broker, MongoDB and the API, and spinning takes cores they need.
   *     Irrelevant with one intra-op thread, which runs on the calling stream thread
   */
  public record Inference(
      @DefaultValue("1") @Min(0) int intraOpThreads,
      @DefaultValue("false") boolean cuda,
      @DefaultValue("0") @Min(0) int cudaDeviceId,
      @DefaultValue("false") boolean allowSpinning) {}

  /**
   * A failed batch stays buffered and is tried again after a backoff that doubles from {@code initialBackoff} up
   * to {@code maxBackoff}; a request that has failed {@code maxAttempts} times is answered with an error and
   * dead-lettered. The defaults give up after about two minutes of failures, long enough to ride out a MongoDB
   * restart, short enough that a requester waiting on a request that can never succeed hears about it.
   *
   * @param maxAttempts tries per request, the first included, before it is answered with an error
   * @param initialBackoff the wait after the first failure
   * @param maxBackoff the longest wait between two tries
   */
  public record Retry(
      @DefaultValue("8") @Min(1) @Max(1000) int maxAttempts,
      @DefaultValue("1s") @NotNull Duration initialBackoff,
      @DefaultValue("1m") @NotNull Duration maxBackoff) {

    public Retry {
      if (initialBackoff != null && maxBackoff != null) { // missing ones are reported by @NotNull
        requirePositive("plantspy.processor.retry.initial-backoff", initialBackoff);
        requirePositive("plantspy.processor.retry.max-backoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
          throw new IllegalArgumentException("plantspy.processor.retry.max-backoff must not be shorter than "
              + "initial-backoff");
        }
      }
    }

    /** The wait after the {@code consecutiveFailures}-th failure in a row (1 for the first). */
    public Duration backoff(int consecutiveFailures) {
      int doublings = Math.min(Math.max(0, consecutiveFailures - 1), 30);
      long millis = initialBackoff.toMillis() << doublings;
      // A shift past the cap (or into overflow) is the cap.
      return millis <= 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }
  }

  /**
   * A processor follows the release announced under {@code alias} on the compacted releases topic: it reads the
   * topic from its beginning with a consumer of its own (no group: every instance sees every announcement), serves
   * the announced release from startup when there is one, and swaps to each new one between two batches.
   *
   * @param follow off serves only the committed release ({@code modelsDir} / {@code releaseDir}); following also
   *     needs {@code gridfs}, where the release archives are stored
   * @param alias the key of the announcement to serve
   * @param cacheDir where fetched releases are unpacked, one folder per archive sha256; null for
   *     {@code plantspy-release-cache} under java.io.tmpdir
   * @param catchUpTimeout how long startup reads the releases topic for an announced release before it serves the
   *     committed one (and keeps following in the background)
   */
  public record Releases(
      @DefaultValue("true") boolean follow,
      @DefaultValue(ReleaseAnnouncements.CHAMPION) @NotBlank String alias,
      Path cacheDir,
      @DefaultValue("30s") @NotNull Duration catchUpTimeout) {

    public Releases {
      if (catchUpTimeout != null) { // a missing one is reported by @NotNull
        requirePositive("plantspy.processor.releases.catch-up-timeout", catchUpTimeout);
      }
    }

    /** {@link #cacheDir()}, or its default under java.io.tmpdir. */
    public Path cacheFolder() {
      return cacheDir != null ? cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "plantspy-release-cache");
    }
  }

  /**
   * Items of bulk jobs arrive on a topic of their own and are read by a second Kafka Streams instance
   * ({@code applicationId}-bulk) with stream threads of its own, so they never queue in a stream thread ahead of an
   * interactive request; they share the model with the interactive instance, and a bulk batch starts only when no
   * interactive request is buffered or being diagnosed in this process (see {@code PriorityGate}). Items of a job
   * named on the cancellations topic are skipped unanswered.
   *
   * @param enabled off starts no bulk instance (bulk items then wait on their topic)
   * @param topic the bulk items' topic ({@code DiagnosisRequest}, key = diagnosis id, metadata {@code jobId})
   * @param cancellationsTopic compacted topic of cancelled job ids (key and value the job id)
   * @param resultsTopic where the bulk instance writes its results ({@code DiagnosisResult}, key = diagnosis id),
   *     apart from interactive results so that only the API's job listener reads them
   * @param streamThreads stream threads of the bulk instance; like {@code numStreamThreads}, one per core
   * @param maxBatchSize a bulk batch runs as soon as this many items are buffered. 4, like interactive batches:
   *     a running bulk batch is what an interactive request may have to share the cores with, so a shorter one
   *     keeps that shorter; 8 measured no faster here (BENCHMARKS.md, "Bulk jobs")
   * @param maxWait a partial bulk batch runs once its oldest item has waited this long
   * @param yieldToInteractive off lets bulk batches start whatever interactive work is waiting
   * @param maxYield longest a bulk batch waits for interactive work before it runs anyway, so that a steady
   *     interactive load slows bulk jobs without stopping them. At most 5 s: the bulk thread waits inside its open
   *     exactly-once transaction, which Kafka Streams times out after 10 s
   * @param commitInterval the bulk instance's {@code commit.interval.ms}: each commit is a transaction (markers on
   *     every partition written, offsets, changelog flush), so committing less often than the interactive instance's
   *     100 ms costs the broker and the processor less per item; results become visible to the job listener up to
   *     this much later, which a job of thousands of items does not notice. Together with the longest yield it stays
   *     well inside the 10 s transaction timeout
   */
  public record Bulk(
      @DefaultValue("true") boolean enabled,
      @DefaultValue(TopicNames.DIAGNOSIS_REQUESTS_BULK) @NotBlank @Pattern(regexp = TOPIC_NAME) String topic,
      @DefaultValue(TopicNames.JOB_CANCELLATIONS) @NotBlank @Pattern(regexp = TOPIC_NAME) String cancellationsTopic,
      @DefaultValue(TopicNames.DIAGNOSIS_RESULTS_BULK) @NotBlank @Pattern(regexp = TOPIC_NAME) String resultsTopic,
      @DefaultValue("2") @Min(1) @Max(64) int streamThreads,
      @DefaultValue("4") @Min(1) @Max(256) int maxBatchSize,
      @DefaultValue("100ms") @NotNull Duration maxWait,
      @DefaultValue("true") boolean yieldToInteractive,
      @DefaultValue("2s") @NotNull Duration maxYield,
      @DefaultValue("1s") @NotNull Duration commitInterval) {

    private static final String TOPIC_NAME = "[a-zA-Z0-9._-]{1,249}";

    public Bulk {
      if (maxWait != null) { // missing ones are reported by @NotNull
        requirePositive("plantspy.processor.bulk.max-wait", maxWait);
      }
      if (maxYield != null && (maxYield.isNegative() || maxYield.compareTo(Duration.ofSeconds(5)) > 0)) {
        throw new IllegalArgumentException("plantspy.processor.bulk.max-yield must be between 0 and 5s, was "
            + maxYield);
      }
      if (topic != null && topic.equals(cancellationsTopic)) {
        throw new IllegalArgumentException("plantspy.processor.bulk.topic and cancellations-topic must differ");
      }
      if (commitInterval != null && (commitInterval.isNegative() || commitInterval.isZero()
          || commitInterval.compareTo(Duration.ofSeconds(5)) > 0)) {
        throw new IllegalArgumentException("plantspy.processor.bulk.commit-interval must be between 1ms and 5s, was "
            + commitInterval);
      }
    }

    /** The bulk batches' limits. */
    public Batch batch() {
      return new Batch(maxBatchSize, maxWait);
    }

    /** How long a bulk batch may wait for interactive work: zero when it does not yield. */
    public Duration yieldLimit() {
      return yieldToInteractive ? maxYield : Duration.ZERO;
    }
  }

  /**
   * @param uri MongoDB connection string, e.g. mongodb://localhost:27017
   * @param database the database whose {@code images} bucket holds the claim-checked images
   * @param readTimeout longest wait for a reply: a stalled MongoDB then fails the batch (retried with backoff, see
   *     {@code retry}) instead of blocking a stream thread for ever (the driver's default)
   * @param serverSelectionTimeout longest wait for a reachable MongoDB before a fetch fails
   */
  public record GridFs(
      @NotBlank String uri,
      @DefaultValue("plantspy") @NotBlank String database,
      @DefaultValue("30s") Duration readTimeout,
      @DefaultValue("10s") Duration serverSelectionTimeout) {

    public GridFs {
      // Zero is no bound at all to the driver, which is exactly what these settings exist to prevent.
      requirePositive("plantspy.processor.gridfs.read-timeout", readTimeout);
      requirePositive("plantspy.processor.gridfs.server-selection-timeout", serverSelectionTimeout);
    }

    /** Client settings for {@link #uri()} with this record's timeouts. */
    public MongoClientSettings clientSettings() {
      return MongoClientSettings.builder()
          .applyConnectionString(new ConnectionString(uri))
          .applyToSocketSettings(socket -> socket.readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS))
          .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(),
              TimeUnit.MILLISECONDS))
          .build();
    }
  }

  private static void requirePositive(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(property + " must be positive, was " + value);
    }
  }
}
