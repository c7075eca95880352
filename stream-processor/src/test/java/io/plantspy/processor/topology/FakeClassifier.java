package io.plantspy.processor.topology;

import io.plantspy.model.release.Diagnosis;
import io.plantspy.model.release.ScoredLabel;
import io.plantspy.processor.inference.BatchClassifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Answers every image "Tomato___healthy" and records the size of every model call. */
final class FakeClassifier implements BatchClassifier {

  static final String RELEASE = "fake-release";

  final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());

  @Override
  public List<Diagnosis> diagnose(float[] pixels, int count) {
    calls.add(count);
    List<Diagnosis> diagnoses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ScoredLabel top = new ScoredLabel("Tomato___healthy", 0.99);
      diagnoses.add(new Diagnosis("Tomato___healthy", false, Optional.of(new ScoredLabel("Tomato", 0.99)),
          Optional.of(new ScoredLabel("healthy", 0.99)), Optional.empty(), List.of(top)));
    }
    return diagnoses;
  }

  @Override
  public String releaseId() {
    return RELEASE;
  }
}
