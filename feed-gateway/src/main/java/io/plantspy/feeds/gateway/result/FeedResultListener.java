package io.plantspy.feeds.gateway.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.feeds.devices.FeedTopics;
import io.plantspy.feeds.gateway.alert.AlertRaiser;
import io.plantspy.feeds.gateway.frame.FeedFrame;
import io.plantspy.feeds.gateway.frame.FeedFrameStore;
import io.plantspy.feeds.gateway.frame.FrameDiagnosis;
import io.plantspy.feeds.gateway.mqtt.MqttLink;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.TopicNames;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers feed frames from the feed results topic, where the processor writes only the results of requests with
 * source FEED (uploads' and bulk items' results are on other topics, never read here); each is looked up in
 * {@code feed_frames} (a frame already answered, or removed, is passed over); a frame's answer is stored, sent to its device over MQTT (QoS 1) and judged for an alert. The
 * offset is committed after that, so a crash redelivers; the device may then get its answer twice, the alert is still
 * raised once.
 */
@Component
public class FeedResultListener {

  private static final Logger log = LoggerFactory.getLogger(FeedResultListener.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final FeedFrameStore frames;
  private final MqttLink mqtt;
  private final AlertRaiser alerts;
  private final JsonMapper json;
  private final Counter diagnosed;

  public FeedResultListener(FeedFrameStore frames, MqttLink mqtt, AlertRaiser alerts, JsonMapper json,
      MeterRegistry meters) {
    this.frames = frames;
    this.mqtt = mqtt;
    this.alerts = alerts;
    this.json = json;
    this.diagnosed = Counter.builder("plantspy.feeds.frames.diagnosed")
        .description("Feed frames whose diagnosis came back").register(meters);
  }

  @KafkaListener(id = "plantspy-feed-results", topics = TopicNames.DIAGNOSIS_RESULTS_FEED,
      containerFactory = "feedResultsFactory")
  public void onResult(ConsumerRecord<String, DiagnosisResult> record) {
    DiagnosisResult result = record.value();
    if (result == null) {
      return;
    }
    FeedFrame frame = frames.find(result.getId()).block(TIMEOUT);
    if (frame == null) {
      return;
    }
    FrameDiagnosis diagnosis = Diagnoses.of(result);
    Instant at = result.getCompletedAt();
    frames.answer(frame.id(), diagnosis, at).block(TIMEOUT);
    mqtt.publish(FeedTopics.diagnosis(frame.farm(), frame.device()),
        json.writeValueAsBytes(DeviceAnswer.of(frame, diagnosis, at)));
    alerts.consider(frame, diagnosis);
    diagnosed.increment();
    log.debug("Answered frame {} of device {}", frame.id(), frame.device());
  }
}
