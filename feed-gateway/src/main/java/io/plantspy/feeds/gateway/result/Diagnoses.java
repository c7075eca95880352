package io.plantspy.feeds.gateway.result;

import io.plantspy.feeds.gateway.frame.FrameDiagnosis;
import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisResult;

/** Reduces a {@link DiagnosisResult} to what a feed frame keeps of it. */
final class Diagnoses {

  private Diagnoses() {}

  static FrameDiagnosis of(DiagnosisResult result) {
    String release = result.getModelRelease();
    if (result.getOutcome() instanceof DiagnosisError error) {
      return new FrameDiagnosis(null, null, null, null, null, false, release, error.getCode().name());
    }
    Diagnosis d = (Diagnosis) result.getOutcome();
    String disease = d.getDisease() == null ? null : d.getDisease().getLabel();
    double confidence = d.getDisease() != null ? d.getDisease().getConfidence()
        : d.getTop3().isEmpty() ? d.getCategory().getConfidence() : d.getTop3().get(0).getConfidence();
    return new FrameDiagnosis(d.getPredictedClass(), d.getCategory().getLabel(), d.getHealth().getLabel(), disease,
        confidence, d.getUnknown(), release, null);
  }
}
