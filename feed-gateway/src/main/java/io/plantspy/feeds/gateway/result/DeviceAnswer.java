package io.plantspy.feeds.gateway.result;

import io.plantspy.feeds.gateway.frame.FeedFrame;
import io.plantspy.feeds.gateway.frame.FrameDiagnosis;
import java.time.Instant;

/** The small JSON a device receives on its diagnosis topic, and one item of its diagnoses list. */
public record DeviceAnswer(String diagnosisId, String frameId, Instant capturedAt, Instant receivedAt,
    String predictedClass, String crop, String health, String disease, Double confidence, boolean unknown,
    String error, Instant diagnosedAt) {

  static DeviceAnswer of(FeedFrame frame, FrameDiagnosis d, Instant diagnosedAt) {
    return new DeviceAnswer(frame.id(), frame.frameId(), frame.capturedAt(), frame.receivedAt(), d.predictedClass(),
        d.crop(), d.health(), d.disease(), d.confidence(), d.unknown(), d.error(), diagnosedAt);
  }
}
