package io.plantspy.processor.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of cancelled jobs equal to the compacted cancellations topic: a job id is in it once
 * cancelled; a tombstone (which nobody writes today) takes it out again.
 */
final class CancelledJobsUpdater implements Processor<String, String, Void, Void> {

  private KeyValueStore<String, String> cancelledJobs;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    cancelledJobs = context.getStateStore(DiagnosisTopology.CANCELLED_JOBS_STORE);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      cancelledJobs.delete(record.key());
    } else {
      cancelledJobs.put(record.key(), record.value());
    }
  }
}
