package io.plantspy.ingest.history;

import io.plantspy.ingest.kafka.KafkaTopicProperties;
import io.plantspy.schemas.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How far the stream processor is behind: for its consumer group on a request topic, the records not yet consumed
 * (each partition's end offset minus the group's committed offset, summed), read with the Kafka admin client.
 */
@Component
public class QueueLag implements DisposableBean {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Admin admin;
  private final String requests;
  private final String group;

  public QueueLag(KafkaProperties kafka, KafkaTopicProperties topics, HistoryProperties props) {
    Map<String, Object> config = kafka.buildAdminProperties();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    this.admin = Admin.create(config);
    this.requests = topics.requests();
    this.group = props.processorGroup();
  }

  /** Records waiting for the processor: interactive requests, then bulk job items. */
  public Mono<Lag> lag() {
    return Mono.fromCallable(() -> new Lag(lagOf(group, requests),
            lagOf(group + "-bulk", TopicNames.DIAGNOSIS_REQUESTS_BULK)))
        // The admin client's futures block: keep them off the event loop.
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Records waiting on each request topic. */
  public record Lag(long interactive, long bulk) {}

  private long lagOf(String consumerGroup, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
        .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .get(topic).partitions()
        .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all()
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    long lag = 0;
    for (var end : latest.entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      // A partition the group never committed on has everything still to read.
      lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
    }
    return lag;
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(5));
  }
}
