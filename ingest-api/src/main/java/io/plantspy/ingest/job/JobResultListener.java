package io.plantspy.ingest.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.kafka.KafkaConfig;
import io.plantspy.ingest.kafka.KafkaTopicProperties;
import io.plantspy.ingest.kafka.ResultRetryProperties;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Settles job items from the bulk results topic ({@code plantspy.diagnosis.results.bulk}, written only by the
 * processor's bulk instance), in a consumer group of its own ({@code <results-group>-jobs}). A bulk item's result is
 * kept in its {@code job_items} document only (no {@code diagnoses} document: {@code GET /api/v1/jobs/{id}/results}
 * reads the items), and interactive results never come here, so neither kind of result pays for the other's
 * lookups. Idempotent: a result changes only an open item (a replay, or a late result for a
 * cancelled item, matches none), and the job's count is raised only when the item changed; the job is completed
 * when its counts reach its total. Offsets are committed after a poll is settled; a failed write is retried by the
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
    factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values));
    factory.setBatchListener(true);
    factory.setCommonErrorHandler(KafkaConfig.resultErrorHandler(retry, meters));
    return factory;
  }

  @KafkaListener(id = LISTENER, topics = TopicNames.DIAGNOSIS_RESULTS_BULK, containerFactory = "jobResultListenerFactory")
  void onResults(List<ConsumerRecord<String, DiagnosisResult>> records) {
    Set<String> touched = new LinkedHashSet<>();
    Flux.fromIterable(records)
        .filter(record -> record.value() != null)
        .concatMap(record -> {
          StoredResult result;
          try {
            result = StoredResult.from(record.value());
          } catch (RuntimeException e) {
            // The diagnosis listener logs and counts unreadable results; an item without one is finished by expiry.
            return Flux.empty();
          }
          return store.settle(record.value().getId(), result)
              .flatMap(before -> store.count(before.jobId(), result.failed() ? ItemStatus.FAILED
                  : ItemStatus.COMPLETED, 1).doOnSuccess(counted -> touched.add(before.jobId())));
        })
        .then(Flux.defer(() -> Flux.fromIterable(touched)).concatMap(jobs::finishIfDone).then())
        // Blocking is right here: the listener thread is not a reactor thread, and the offsets wait for the writes.
        .block(Duration.ofSeconds(30));
    if (!touched.isEmpty()) {
      log.debug("Settled items of {} jobs", touched.size());
    }
  }
}
