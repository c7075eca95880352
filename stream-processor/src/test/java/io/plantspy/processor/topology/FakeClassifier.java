package io.plantspy.processor.topology;

import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.LabelConfidence;
import io.plantspy.processor.inference.ClassifiedBatch;
import io.plantspy.processor.inference.ServableClassifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Answers every image "Tomato___healthy" and records the size of every model call. */
final class FakeClassifier implements ServableClassifier {

  static final String RELEASE = "fake-release";

  private final String releaseId;
  volatile boolean closed;

  FakeClassifier() {
    this(RELEASE);
  }

  FakeClassifier(String releaseId) {
    this.releaseId = releaseId;
  }

  final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());

  @Override
  public ClassifiedBatch diagnose(float[] pixels, int count) {
    if (closed) {
      throw new IllegalStateException("release " + releaseId + " used after it was closed");
    }
    calls.add(count);
    List<ClassifierAnswer> diagnoses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      diagnoses.add(confidentHealthyTomato());
    }
    return new ClassifiedBatch(releaseId, diagnoses);
  }

  /** A known leaf answered with confidence: crop and health given, no disease. */
  static ClassifierAnswer confidentHealthyTomato() {
    return new ClassifierAnswer("Tomato___healthy", false, Optional.of(new LabelConfidence("Tomato", 0.99)),
        Optional.of(new LabelConfidence("healthy", 0.99)), Optional.empty(),
        List.of(new LabelConfidence("Tomato___healthy", 0.99)));
  }

  @Override
  public String releaseId() {
    return releaseId;
  }

  @Override
  public void close() {
    closed = true;
  }
}
