package io.plantspy.ingest.job;

import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.JobEvent;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes job items to {@code plantspy.diagnosis.requests.bulk} (key the item's diagnosis id), cancelled job ids to
 * the compacted {@code plantspy.jobs.cancellations} (key and value the job id, plain strings), and jobs' terminal
 * statuses to {@code plantspy.jobs.events} ({@code JobEvent}, key the job id). Acknowledged by every
 * in-sync replica before the item is marked queued or the job's items cancelled. Public for the API tests, which
 * make it fail.
 */
@Component
public class BulkPublisher implements AutoCloseable {

  private final DefaultKafkaProducerFactory<String, DiagnosisRequest> itemFactory;
  private final DefaultKafkaProducerFactory<String, String> cancelFactory;
  private final KafkaTemplate<String, DiagnosisRequest> items;
  private final KafkaTemplate<String, String> cancellations;
  private final DefaultKafkaProducerFactory<String, JobEvent> eventFactory;
  private final KafkaTemplate<String, JobEvent> events;

  BulkPublisher(KafkaProperties kafka, Topics topics) {
    Map<String, Object> config = kafka.buildProducerProperties();
    // A retried send must not duplicate a record, and an acknowledged one must survive a broker loss.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    itemFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
        topics.bulkRequests().valueSerde().serializer());
    items = new KafkaTemplate<>(itemFactory);
    items.setDefaultTopic(topics.bulkRequests().name());
    cancelFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
    cancellations = new KafkaTemplate<>(cancelFactory);
    cancellations.setDefaultTopic(TopicNames.JOB_CANCELLATIONS);
    eventFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
        topics.jobEvents().valueSerde().serializer());
    events = new KafkaTemplate<>(eventFactory);
    events.setDefaultTopic(topics.jobEvents().name());
  }

  /**
   * Hands {@code item} to the producer now (in call order) and emits its acknowledgement to wait for: items handed
   * over one after the other keep their order, while their acknowledgements are awaited together.
   */
  public Mono<Mono<Void>> send(DiagnosisRequest item) {
    // send() can block on metadata for up to max.block.ms, which must not happen on an event-loop thread.
    return Mono.fromCallable(() -> Mono.fromFuture(items.sendDefault(item.getId(), item)).then())
        .subscribeOn(Schedulers.boundedElastic());
  }

  public Mono<Void> cancel(String jobId) {
    return Mono.fromFuture(() -> cancellations.sendDefault(jobId, jobId)).subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  public Mono<Void> announce(JobEvent event) {
    return Mono.fromFuture(() -> events.sendDefault(event.getJobId(), event)).subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  @Override
  public void close() {
    itemFactory.destroy();
    cancelFactory.destroy();
    eventFactory.destroy();
  }
}
