package io.plantspy.ingest.job;

import io.plantspy.ingest.config.PeriodicJob;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps open jobs exact and moving whatever crashed, every {@code plantspy.jobs.reconcile-interval}, on every
 * instance (each step is a conditional update, so two instances doing it at once change nothing twice):
 * <ul>
 *   <li>a job {@code validating} without a heartbeat for {@code stale-after} lost its submission: {@code failed}
 *       ({@code interrupted}), its items removed (none was published);</li>
 *   <li>a job {@code in_progress} not all published, without a heartbeat for {@code stale-after}: its pending items
 *       are published;</li>
 *   <li>every job {@code in_progress} or {@code cancelling} is recounted from its items (a count lost between an
 *       item's change and the job's increment is made good) and ended when nothing is left open;</li>
 *   <li>an open job past its {@code expiresAt}: cancellation published, open items cancelled, {@code expired}.</li>
 * </ul>
 */
@Component
public class JobReconciler extends PeriodicJob {

  private static final Logger log = LoggerFactory.getLogger(JobReconciler.class);

  private final JobStore store;
  private final JobEvents events;
  private final JobService jobs;
  private final BulkPublisher publisher;
  private final JobProperties props;
  private final Clock clock;

  JobReconciler(JobStore store, JobService jobs, BulkPublisher publisher, JobEvents events, JobProperties props,
      Clock clock) {
    super("Job reconciliation", props::reconcileInterval);
    this.store = store;
    this.events = events;
    this.jobs = jobs;
    this.publisher = publisher;
    this.props = props;
    this.clock = clock;
  }

  /** One round over the open jobs, then the terminal ones not yet announced; emits how many open ones it saw. */
  public Mono<Long> reconcile() {
    Instant now = clock.instant();
    Instant staleBefore = now.minus(props.staleAfter());
    return store.inStatus(List.of(JobStatus.VALIDATING, JobStatus.IN_PROGRESS, JobStatus.CANCELLING))
        .concatMap(job -> one(job, now, staleBefore).onErrorResume(e -> {
          log.warn("Could not reconcile job {}: {}", job.id(), e.toString());
          return Mono.empty();
        }).thenReturn(job))
        .count()
        .flatMap(seen -> events.announceMissed().onErrorResume(e -> {
          log.warn("Could not announce finished jobs: {}", e.toString());
          return Mono.just(0L);
        }).thenReturn(seen));
  }

  private Mono<Void> one(JobDocument job, Instant now, Instant staleBefore) {
    boolean stale = job.heartbeatAt() == null || job.heartbeatAt().isBefore(staleBefore);
    if (job.expiresAt() != null && job.expiresAt().isBefore(now)) {
      return expire(job, now);
    }
    return switch (job.status()) {
      case VALIDATING -> stale ? interrupted(job, now) : Mono.empty();
      case IN_PROGRESS -> (job.publishedAt() == null && stale
          ? store.heartbeat(job.id(), now).then(jobs.publishPending(job.id())) : Mono.<Void>empty())
          .then(Mono.defer(() -> store.recount(job.id())))
          .then(Mono.defer(() -> jobs.finishIfDone(job.id())));
      case CANCELLING -> jobs.cancelItems(job.id());
      default -> Mono.empty();
    };
  }

  private Mono<Void> interrupted(JobDocument job, Instant now) {
    log.warn("Job {} stopped validating (no heartbeat since {}): failed", job.id(), job.heartbeatAt());
    JobDocument.Error error = new JobDocument.Error("interrupted",
        "the submission stopped before its body was read whole; submit the job again");
    return store.move(job.id(), List.of(JobStatus.VALIDATING), JobStatus.FAILED, now, new Update().set("error", error))
        .flatMap(moved -> moved ? store.removeItems(job.id()) : Mono.empty());
  }

  private Mono<Void> expire(JobDocument job, Instant now) {
    return publisher.cancel(job.id())
        .then(store.cancelOpenItems(job.id()))
        .then(store.recount(job.id()))
        .then(store.move(job.id(), JobStatus.OPEN, JobStatus.EXPIRED, now, new Update()))
        .then();
  }

  @Override
  protected Mono<?> runOnce() {
    return reconcile();
  }
}
