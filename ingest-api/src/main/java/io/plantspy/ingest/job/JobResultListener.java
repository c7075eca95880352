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
 * lookups. Idempotent: a result changes only an open item (a replay, or a late result for a
 * cancelled item, matches none), and the job's count is raised only when the item changed; the job is completed
 * when its counts reach its total. The counts of a poll's items are added with one write per job (not per item).
 * Offsets are committed after a poll is settled; a failed write is retried by the
 * same error handler as the diagnosis results, so no result is lost. A crash between an item's change and its
 * count leaves the count short, which the {@link JobReconciler}'s recount makes good.
 */
@Component
class JobResultListener {

  static final String LISTENER = "plantspy-job-results";
  private static final Logger log = LoggerFactory.getLogger(JobResultListener.class);

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
    // The items this poll settled, per job and status: counted with one write per job instead of one per item.
    Map<String, Map<ItemStatus, Long>> settled = new LinkedHashMap<>();
    Flux.fromIterable(records)
        .filter(record -> record.value() != null)
        .concatMap(record -> {
          StoredResult result;
          try {
            result = StoredResult.from(record.value(), RecordTrace.traceId(record));
          } catch (RuntimeException e) {
            // It would fail on every retry; its item is finished by the job's expiry.
            log.warn("Skipping the unreadable result of item {}: {}", record.key(), e.toString());
            return Mono.empty();
          }
          ItemStatus status = result.failed() ? ItemStatus.FAILED : ItemStatus.COMPLETED;
          return store.settle(record.value().getId(), result).doOnNext(before -> settled
              .computeIfAbsent(before.jobId(), job -> new EnumMap<>(ItemStatus.class)).merge(status, 1L, Long::sum));
        })
        // A poll that fails part-way is retried, and its items settled already then match nothing: count them
        // before the failure goes on (a count that fails too is made good by the reconciler's recount).
        .onErrorResume(e -> count(settled).onErrorResume(ignored -> Mono.empty()).then(Mono.error(e)))
        .then(Mono.defer(() -> count(settled)))
        .thenMany(Flux.defer(() -> Flux.fromIterable(settled.keySet())).concatMap(jobs::finishIfDone))
        .then()
        // Blocking is right here: the listener thread is not a reactor thread, and the offsets wait for the writes.
        .block(Duration.ofSeconds(30));
    if (!settled.isEmpty()) {
      log.debug("Settled items of {} jobs", settled.size());
    }
  }

  private Mono<Void> count(Map<String, Map<ItemStatus, Long>> settled) {
    return Flux.fromIterable(settled.entrySet()).concatMap(job -> store.count(job.getKey(), job.getValue())).then();
  }
}
