package io.plantspy.ingest.job;

import io.plantspy.schemas.JobEvent;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Announces each job's terminal status on {@code plantspy.jobs.events}, for the webhook service's {@code job.*}
 * events. At least once without transactions: a job is marked announced only after Kafka acknowledged its event,
 * and the reconciler announces again every terminal job not so marked (an API crash in between, a Kafka outage);
 * the webhook service keys deliveries by job and status, so a repeat is delivered once.
 */
@Component
class JobEvents {

  private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

  private final JobStore store;
  private final BulkPublisher publisher;
  private final Clock clock;

  JobEvents(JobStore store, BulkPublisher publisher, Clock clock) {
    this.store = store;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Announces the job if it is in a terminal status; an error is logged and left to the next sweep. */
  Mono<Void> announce(String jobId) {
    return store.find(jobId).filter(job -> JobStatus.TERMINAL.contains(job.status()))
        .flatMap(this::announce)
        .onErrorResume(e -> {
          log.warn("Could not announce job {} now; the reconciler will: {}", jobId, e.toString());
          return Mono.empty();
        });
  }

  /** Every terminal job not yet announced; emits how many were. */
  Mono<Long> announceMissed() {
    return store.unannounced().concatMap(job -> announce(job).thenReturn(job)).count();
  }

  private Mono<Void> announce(JobDocument job) {
    JobDocument.Counts counts = job.counts() == null ? JobDocument.Counts.NONE : job.counts();
    JobEvent event = JobEvent.newBuilder()
        .setJobId(job.id())
        .setOwner(job.owner())
        .setStatus(job.status().wire())
        .setTotal(counts.total())
        .setCompleted(counts.completed())
        .setFailed(counts.failed())
        .setCancelled(counts.cancelled())
        .setErrorCode(job.error() == null ? null : job.error().code())
        .setOccurredAt(enteredAt(job))
        .build();
    return publisher.announce(event).then(Mono.defer(() -> store.markAnnounced(job.id(), clock.instant())));
  }

  private Instant enteredAt(JobDocument job) {
    Instant at = switch (job.status()) {
      case COMPLETED -> job.completedAt();
      case FAILED -> job.failedAt();
      case CANCELLED -> job.cancelledAt();
      case EXPIRED -> job.expiredAt();
      default -> null;
    };
    return at != null ? at : clock.instant();
  }
}
