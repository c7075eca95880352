package io.plantspy.ingest.diagnosis;

/** Where a diagnosis stands: waiting for the processor, answered, or answered with an error. */
public enum DiagnosisStatus {
  PENDING,
  DONE,
  FAILED
}
