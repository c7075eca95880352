package io.plantspy.trainerservice.lab;

import io.plantspy.schemas.LabSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab samples currently accepted, by sample id: a record adds or replaces one, a tombstone removes it. What
 * replaying the compacted topic from its start leaves.
 */
public final class LiveSamples {

  private final Map<String, LabSample> byId = new ConcurrentHashMap<>();

  /** Applies one record of the topic; {@code sample} null is a tombstone. */
  public void apply(String sampleId, LabSample sample) {
    if (sample == null) {
      byId.remove(sampleId);
    } else {
      byId.put(sampleId, sample);
    }
  }

  /** A snapshot, ordered by sample id so that a run's list does not depend on arrival order. */
  public List<LabSample> snapshot() {
    List<LabSample> samples = new ArrayList<>(byId.values());
    samples.sort(Comparator.comparing(LabSample::getId));
    return samples;
  }

  public int size() {
    return byId.size();
  }
}
