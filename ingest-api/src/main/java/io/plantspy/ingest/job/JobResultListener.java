package io.plantspy.ingest.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.kafka.KafkaConfig;
import io.plantspy.ingest.kafka.KafkaTopicProperties;
import io.plantspy.ingest.kafka.RecordTrace;
import io.plantspy.ingest.kafka.ResultRetryProperties;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Settles job items from the bulk results topic ({@code plantspy.diagnosis.results.bulk}, written only by the
 * processor's bulk instance), in a consumer group of its own ({@code <results-group>-jobs}). A bulk item's result is
 * kept in its {@code job_items} document only (no {@code diagnoses} document: {@code GET /api/v1/jobs/{id}/results}
 * reads the items), and interactive results never come here, so neither kind of result pays for the other's
 * lookups. Idempotent: a result changes only an open item (a replay, or a late result for a cancelled item,
 * matches none), and the job's count is raised only by the items that changed; the job is completed when its
 * counts reach its total. A poll costs one query (which of its items are open, and their jobs), then one bulk
 * write and one count per job and outcome, not a write per item. Offsets are committed after a poll is settled; a
 * failed write is retried by the same error handler as the diagnosis results, so no result is lost. A crash between
 * the items' change and their count leaves the count short, which the {@link JobReconciler}'s recount makes good.
 */
@Component
class JobResultListener {

  static final String LISTENER = "plantspy-job-results";
  private static final Logger log = LoggerFactory.getLogger(JobResultListener.class);
  private static final int MAX_ROUNDS = 4;

  private final JobStore store;
  private final JobService jobs;

  JobResultListener(JobStore store, JobService jobs) {
    this.store = store;
    this.jobs = jobs;
  }

  @Bean
  static ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult> jobResultListenerFactory(
      KafkaProperties kafka, KafkaTopicProperties props, Topics topics, ResultRetryProperties retry,
      MeterRegistry meters) {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, props.resultsGroup() + "-jobs");
    // The processor writes results in transactions; aborted ones must never count.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var values = new ErrorHandlingDeserializer<>(topics.bulkResults().valueSerde().deserializer());
    var factory = new ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult>();
    factory.setConsumerFactory(KafkaConfig.measured(
        new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values), meters));
    factory.setBatchListener(true);
    factory.setCommonErrorHandler(KafkaConfig.resultErrorHandler(retry, meters));
    return factory;
  }

  @KafkaListener(id = LISTENER, topics = TopicNames.DIAGNOSIS_RESULTS_BULK, containerFactory = "jobResultListenerFactory")
  void onResults(List<ConsumerRecord<String, DiagnosisResult>> records) {
    Map<String, StoredResult> results = readable(records);
    if (results.isEmpty()) {
      return;
    }
    // Items changed per job and outcome, counted with one write per job once the poll's items are settled.
    Map<String, Map<ItemStatus, Long>> changed = new LinkedHashMap<>();
    settle(results, changed, 1)
        .then(Mono.defer(() -> Flux.fromIterable(changed.entrySet())
            .concatMap(job -> store.count(job.getKey(), job.getValue())).then()))
        .thenMany(Flux.defer(() -> Flux.fromIterable(changed.keySet())).concatMap(jobs::finishIfDone))
        .then()
        // Blocking is right here: the listener thread is not a reactor thread, and the offsets wait for the writes.
        // A poll that fails part-way is retried; its items settled already are no longer open and are skipped (a
        // count lost with the failure is made good by the reconciler's recount).
        .block(Duration.ofSeconds(30));
  }

  /**
   * One round: reads which items are still open (one query), then settles them with one bulk write per job and
   * outcome. A write that changed fewer items than it was given met an item that moved meanwhile (queued by the
   * publisher, or cancelled): the next round reads those items again and settles the ones still open.
   */
  private Mono<Void> settle(Map<String, StoredResult> results, Map<String, Map<ItemStatus, Long>> changed,
      int round) {
    if (round > MAX_ROUNDS) {
      // An item moves between open statuses once at most, so this does not happen; if it did, the poll is retried.
      return Mono.error(new IllegalStateException("job items kept moving while their results were settled"));
    }
    return store.openItems(results.keySet()).collectList()
        .flatMapMany(open -> Flux.fromIterable(settlements(open, results)))
        .concatMap(settlement -> store.settle(settlement.results()).map(n -> {
          changed.computeIfAbsent(settlement.jobId(), job -> new EnumMap<>(ItemStatus.class))
              .merge(settlement.status(), n, Long::sum);
          return n == settlement.results().size() ? Map.<String, StoredResult>of() : settlement.byItemId();
        }))
        .reduce(new LinkedHashMap<String, StoredResult>(), (again, missed) -> {
          again.putAll(missed);
          return again;
        })
        .flatMap(again -> again.isEmpty() ? Mono.<Void>empty() : settle(again, changed, round + 1));
  }

  /**
   * The poll's results by item id, leaving out those that cannot be read. When a poll holds two for one item the
   * first stands, as it would have had they come in two polls.
   */
  private static Map<String, StoredResult> readable(List<ConsumerRecord<String, DiagnosisResult>> records) {
    Map<String, StoredResult> results = new LinkedHashMap<>();
    for (ConsumerRecord<String, DiagnosisResult> record : records) {
      if (record.value() == null) {
        continue;
      }
      try {
        results.putIfAbsent(record.value().getId(), StoredResult.from(record.value(), RecordTrace.traceId(record)));
      } catch (RuntimeException e) {
        // It would fail on every retry; its item is finished by the job's expiry.
        log.warn("Skipping the unreadable result of item {}: {}", record.key(), e.toString());
      }
    }
    return results;
  }

  /** The open items' results grouped by job and outcome, in the order the items came. */
  private static List<Settlement> settlements(List<JobStore.OpenItem> open, Map<String, StoredResult> results) {
    Map<String, Settlement> byJobAndStatus = new LinkedHashMap<>();
    for (JobStore.OpenItem item : open) {
      StoredResult result = results.get(item.id());
      ItemStatus status = result.failed() ? ItemStatus.FAILED : ItemStatus.COMPLETED;
      byJobAndStatus.computeIfAbsent(item.jobId() + "/" + status,
          key -> new Settlement(item.jobId(), status, new LinkedHashMap<>())).results().put(item, result);
    }
    return List.copyOf(byJobAndStatus.values());
  }

  /** Results that settle open items of one job, all with the same outcome. */
  private record Settlement(String jobId, ItemStatus status, Map<JobStore.OpenItem, StoredResult> results) {

    Map<String, StoredResult> byItemId() {
      Map<String, StoredResult> byId = new LinkedHashMap<>();
      results.forEach((item, result) -> byId.put(item.id(), result));
      return byId;
    }
  }
}
