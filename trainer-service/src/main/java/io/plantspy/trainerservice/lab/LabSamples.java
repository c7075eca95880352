package io.plantspy.trainerservice.lab;

import io.plantspy.schemas.LabSample;
import java.util.List;

/** The lab samples accepted now, and a way to hear when they change. */
public interface LabSamples {

  /** The live samples, ordered by sample id. */
  List<LabSample> liveSamples();

  /** {@code listener} runs after each change (on the thread that applied it). */
  void onChange(Runnable listener);
}
