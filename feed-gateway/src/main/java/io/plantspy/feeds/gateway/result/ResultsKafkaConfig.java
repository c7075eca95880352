package io.plantspy.feeds.gateway.result;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.Topics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of feed frames' results (their own topic): its own group, committed results only, a failed record
 * retried (never skipped).
 */
@Configuration(proxyBeanMethods = false)
public class ResultsKafkaConfig {

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult> feedResultsFactory(KafkaProperties kafka,
      ResultProperties props, Topics topics, MeterRegistry meters) {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, props.resultsGroup());
    // Results are written in the processor's transactions: an aborted one must never reach a device.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var factory = new ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult>();
    // A value that does not decode reaches the listener as null, which skips it instead of blocking.
    var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
        new ErrorHandlingDeserializer<>(topics.feedResults().valueSerde().deserializer()));
    // The consumers' metrics (lag per topic and partition among them) on /actuator/prometheus.
    consumers.addListener(new MicrometerConsumerListener<>(meters));
    factory.setConsumerFactory(consumers);
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
    errors.setClassifications(Map.of(), true);
    factory.setCommonErrorHandler(errors);
    return factory;
  }
}
