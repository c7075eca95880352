package io.plantspy.processor.topology;

import io.plantspy.processor.metrics.BulkMetrics;
import io.plantspy.schemas.DiagnosisRequest;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the bulk items of cancelled jobs before they reach a batch, so a cancelled job's backlog costs no
 * inference: an item whose {@code jobId} is in the global store of cancelled jobs is skipped without an answer
 * (the API counts a cancelled job's unanswered items itself); the others go on to the batcher.
 */
final class SkipCancelled implements Processor<String, Object, String, Object> {

  /** The metadata entry naming an item's job. */
  static final String JOB_ID = "jobId";

  private static final Logger log = LoggerFactory.getLogger(SkipCancelled.class);

  private final BulkMetrics metrics;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, String> cancelledJobs;

  SkipCancelled(BulkMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.cancelledJobs = context.getStateStore(DiagnosisTopology.CANCELLED_JOBS_STORE);
  }

  @Override
  public void process(Record<String, Object> record) {
    DiagnosisRequest item = (DiagnosisRequest) record.value();
    String jobId = item.getMetadata().get(JOB_ID);
    if (jobId != null && cancelledJobs.get(jobId) != null) {
      log.debug("Skipping item {} of cancelled job {}", item.getId(), jobId);
      metrics.cancelledSkipped();
      return;
    }
    metrics.itemTaken();
    context.forward(record, DiagnosisTopology.BATCHER);
  }
}
