package io.plantspy.ingest.lab;

import io.plantspy.schemas.LabSample;
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
 * Writes lab samples to the compacted topic {@code plantspy.lab-samples}, keyed by sample id: a record when a sample
 * is accepted, a tombstone (null value) when it is withdrawn. Acknowledged by every in-sync replica before an upload
 * or a withdrawal is answered. Public for the API tests, which make it fail.
 */
@Component
public class LabSamplePublisher implements AutoCloseable {

  private final KafkaTemplate<String, LabSample> template;
  private final DefaultKafkaProducerFactory<String, LabSample> factory;

  LabSamplePublisher(KafkaProperties kafka, Topics topics) {
    Map<String, Object> config = kafka.buildProducerProperties();
    // A retried send must not duplicate a record, and an acknowledged one must survive a broker loss.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
        topics.labSamples().valueSerde().serializer());
    this.template = new KafkaTemplate<>(factory);
    template.setDefaultTopic(topics.labSamples().name());
  }

  public Mono<Void> publish(LabSample sample) {
    return send(sample.getId(), sample);
  }

  public Mono<Void> tombstone(String sampleId) {
    return send(sampleId, null);
  }

  private Mono<Void> send(String key, LabSample value) {
    // send() can block on metadata for up to max.block.ms, which must not happen on an event-loop thread.
    return Mono.fromFuture(() -> template.sendDefault(key, value))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  @Override
  public void close() {
    factory.destroy();
  }
}
