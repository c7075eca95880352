package io.plantspy.ingest.job;

import io.plantspy.ingest.fetch.ImageFetcher;
import io.plantspy.ingest.image.ImageProperties;
import io.plantspy.ingest.image.ImageVetter;
import io.plantspy.ingest.mongo.ImageStore;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.model.image.ImageInfo;
import io.plantspy.schemas.Answer;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.InlineImage;
import io.plantspy.schemas.RequestSource;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

/**
 * Accepts a job and keeps it moving.
 *
 * <p>Accepting: the job is recorded {@code validating} first; then its body is read as a stream, each item vetted
 * like a single upload (a URL fetched through the SSRF-safe fetcher) and recorded in {@code job_items}
 * ({@code pending}, or {@code failed} with the refusal's code), its image inline or in the GridFS claim check.
 * Nothing is published while the body is read, so a body refused part-way (a hostile archive, a duplicate customId,
 * a malformed line, a limit) leaves the job {@code failed} with the reason, its items removed and nothing on Kafka.
 * Once the whole body is recorded the job is {@code in_progress} with its total, and its items are published in body
 * order, each marked {@code queued} after Kafka acknowledged it.
 *
 * <p>After a crash: a job left {@code validating} cannot be resumed (its body is gone with the connection), so the
 * {@link JobReconciler} marks it {@code failed} ({@code interrupted}) once its heartbeat is older than
 * {@code plantspy.jobs.stale-after}; the client sends it again. A job {@code in_progress} whose publishing stopped
 * is resumed: its {@code pending} items are published by the reconciler (an item published twice is harmless: same
 * diagnosis id, and only its first result settles it).
 */
@Service
class JobService {

  private static final Logger log = LoggerFactory.getLogger(JobService.class);
  /** Items between two heartbeats of a job being read or published. */
  private static final int HEARTBEAT_EVERY = 100;
  /** Items of one job being published at once. */
  private static final int PUBLISH_CONCURRENCY = 32;
  /** URL fetches of one job at once. */
  private static final int FETCH_CONCURRENCY = 4;

  private final JobStore store;
  private final JobEvents events;
  private final BulkPublisher publisher;
  private final ImageVetter vetter;
  private final ImageFetcher fetcher;
  private final ImageStore images;
  private final JobProperties props;
  private final Clock clock;
  private final long inlineMaxBytes;

  JobService(JobStore store, BulkPublisher publisher, JobEvents events, ImageVetter vetter, ImageFetcher fetcher,
      ImageStore images, ImageProperties imageProps, JobProperties props, Clock clock) {
    this.store = store;
    this.events = events;
    this.publisher = publisher;
    this.vetter = vetter;
    this.fetcher = fetcher;
    this.images = images;
    this.props = props;
    this.clock = clock;
    this.inlineMaxBytes = imageProps.inlineMaxSize().toBytes();
  }

  /** What a submission gave: a new job, or the one its Idempotency-Key already made. */
  record Submitted(JobDocument job, boolean created) {}

  /** A job's format as the client sent it. */
  enum Format { JSONL, MULTIPART, ZIP }

  Mono<Submitted> submit(String owner, Set<Answer> answers, String idempotencyKey, Format format,
      Flux<RawItem> body) {
    String ownerKey = idempotencyKey == null ? null : owner + "\n" + idempotencyKey;
    Mono<JobDocument> earlier = ownerKey == null ? Mono.empty() : store.findByOwnerKey(ownerKey);
    return earlier.map(job -> new Submitted(job, false))
        .switchIfEmpty(Mono.defer(() -> store.countOpen(owner).flatMap(open -> {
          if (open >= props.maxOpenJobs()) {
            return Mono.error(tooManyOpenJobs(open));
          }
          return store.insert(newJob(owner, ownerKey, format, answers))
              .flatMap(job -> accept(job, body).map(accepted -> new Submitted(accepted, true)))
              // Two submissions with one key at once: the second finds the first's job.
              .onErrorResume(DuplicateKeyException.class, e -> store.findByOwnerKey(ownerKey)
                  .map(job -> new Submitted(job, false)));
        })));
  }

  private JobDocument newJob(String owner, String ownerKey, Format format, Set<Answer> answers) {
    Instant now = now();
    return new JobDocument(UUID.randomUUID().toString(), owner, ownerKey, JobStatus.VALIDATING,
        format.name().toLowerCase(java.util.Locale.ROOT), answers.stream().map(Enum::name).sorted().toList(),
        JobDocument.Counts.NONE, now, null, null, null, null, null, null, now.plus(props.expiry()), null, now, null);
  }

  private ApiProblem tooManyOpenJobs(long open) {
    ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-open-jobs", "Too many open jobs",
        "you have " + open + " open jobs, as many as one owner may (" + props.maxOpenJobs() + "); retry when one "
            + "has finished or cancel one");
    problem.getHeaders().set("Retry-After", String.valueOf(props.retryAfter().toSeconds()));
    return problem;
  }

  /** Reads and records the whole body, then starts the job; a refused body fails the job and removes its items. */
  private Mono<JobDocument> accept(JobDocument job, Flux<RawItem> body) {
    AtomicLong failed = new AtomicLong();
    return body
        .doOnNext(raw -> {
          if (raw.seq() >= props.maxItems()) {
            throw JobProblems.tooLarge("too-many-items", "a job has at most " + props.maxItems() + " items");
          }
        })
        .flatMapSequential(this::vetted, FETCH_CONCURRENCY)
        .concatMap(item -> record(job, item).doOnNext(stored -> {
          if (stored.status() == ItemStatus.FAILED) {
            failed.incrementAndGet();
          }
        }))
        .index()
        .concatMap(stored -> (stored.getT1() + 1) % HEARTBEAT_EVERY == 0
            ? store.heartbeat(job.id(), now()).thenReturn(stored.getT1()) : Mono.just(stored.getT1()))
        .count()
        .flatMap(total -> total == 0
            ? Mono.error(JobProblems.badBody("empty-job", "the job has no items"))
            : start(job, total, failed.get()))
        .onErrorResume(e -> fail(job, e).then(Mono.error(e)));
  }

  private Mono<JobDocument> start(JobDocument job, long total, long failedAtRead) {
    Update counts = new Update().set("counts.total", total).set("counts.failed", failedAtRead)
        .set("heartbeatAt", now());
    return store.move(job.id(), List.of(JobStatus.VALIDATING), JobStatus.IN_PROGRESS, now(), counts)
        // Not moved: the job was cancelled while its body was read; it is left to finish as cancelled.
        .flatMap(moved -> moved ? publishPending(job.id()).onErrorResume(e -> {
          log.warn("Job {} is recorded but not all published; the reconciler resumes it: {}", job.id(), e.toString());
          return Mono.empty();
        }) : Mono.empty())
        .then(Mono.defer(() -> finishIfDone(job.id())))
        .then(Mono.defer(() -> store.find(job.id())));
  }

  private Mono<Void> fail(JobDocument job, Throwable why) {
    JobDocument.Error error;
    if (why instanceof ApiProblem problem) {
      error = new JobDocument.Error(JobProblems.slugOf(problem), problem.getBody().getDetail());
    } else if (why instanceof DataBufferLimitException) {
      // The body cap of CountedBodies (plantspy.jobs.max-bytes), answered 413 by the problem handler.
      error = new JobDocument.Error("job-too-large", "the request body is above plantspy.jobs.max-bytes");
    } else {
      error = new JobDocument.Error("interrupted", "the body stopped before it was read whole: " + why);
    }
    return store.move(job.id(), List.of(JobStatus.VALIDATING), JobStatus.FAILED, now(),
            new Update().set("error", error))
        .then(store.removeItems(job.id()))
        .then(Mono.defer(() -> events.announce(job.id())))
        .onErrorResume(e -> {
          // The reconciler fails it after stale-after, and no item of it was published.
          log.warn("Could not mark refused job {} failed: {}", job.id(), e.toString());
          return Mono.empty();
        });
  }

  /** An item vetted: its image and what it is, or why it was refused. */
  private record Vetted(RawItem raw, byte[] bytes, ImageInfo info, ApiProblem refused) {}

  private Mono<Vetted> vetted(RawItem raw) {
    if (raw.refused() != null) {
      return Mono.just(new Vetted(raw, null, null, raw.refused()));
    }
    Mono<byte[]> bytes = raw.url() != null ? fetcher.fetch(raw.url()).map(f -> f.bytes()) : Mono.just(raw.bytes());
    return bytes.map(b -> new Vetted(raw, b, vetter.vet(b), null))
        .onErrorResume(ApiProblem.class, problem -> Mono.just(new Vetted(raw, null, null, problem)));
  }

  private Mono<JobItemDocument> record(JobDocument job, Vetted item) {
    String id = UUID.randomUUID().toString();
    RawItem raw = item.raw();
    Mono<JobItemDocument> doc;
    if (item.refused() != null) {
      ApiProblem problem = item.refused();
      doc = Mono.just(new JobItemDocument(id, job.id(), raw.customId(), raw.seq(), ItemStatus.FAILED, null, 0, null,
          null, JobProblems.slugOf(problem), problem.getBody().getDetail(), null));
    } else {
      String contentType = item.info().format().mediaType();
      byte[] bytes = item.bytes();
      Mono<String> imageId = bytes.length > inlineMaxBytes
          ? images.save(id, contentType, bytes).map(ImageReference::getId) : Mono.just("");
      doc = imageId.map(ref -> new JobItemDocument(id, job.id(), raw.customId(), raw.seq(), ItemStatus.PENDING,
          contentType, bytes.length, ref.isEmpty() ? bytes : null, ref.isEmpty() ? null : ref, null, null, null));
    }
    return doc.flatMap(store::insertItem)
        .onErrorMap(DuplicateKeyException.class, e -> JobProblems.badBody("duplicate-custom-id",
            "customId '" + raw.customId() + "' is given more than once; each item needs its own"));
  }

  /** Publishes a job's pending items (in body order, several in flight), then marks the job published. */
  Mono<Void> publishPending(String jobId) {
    return store.find(jobId).flatMap(job -> store.pendingItems(jobId)
        .index()
        // Handed to the producer in body order, acknowledgements awaited several at a time, each item marked queued
        // after its own: the producer batches them, where one at a time would wait a broker round trip per item.
        .concatMap(indexed -> publisher.send(requestOf(job, indexed.getT2()))
            .map(acked -> Tuples.of(indexed, acked)))
        .flatMap(sent -> {
          long index = sent.getT1().getT1();
          Mono<Void> beat = (index + 1) % HEARTBEAT_EVERY == 0 ? store.heartbeat(jobId, now()) : Mono.empty();
          return sent.getT2().then(store.markQueued(sent.getT1().getT2().id())).then(beat);
        }, PUBLISH_CONCURRENCY)
        .then(Mono.defer(() -> store.markPublished(jobId, now()))));
  }

  private DiagnosisRequest requestOf(JobDocument job, JobItemDocument item) {
    Object image = item.imageId() != null ? new ImageReference(ImageStore.STORE, item.imageId())
        : new InlineImage(ByteBuffer.wrap(item.inline()));
    return DiagnosisRequest.newBuilder()
        .setId(item.id())
        .setOwner(job.owner())
        .setRequestedAnswers(job.requestedAnswers().stream().map(Answer::valueOf).toList())
        .setSource(RequestSource.BULK)
        .setImage(image)
        .setContentType(item.contentType())
        .setSizeBytes(item.sizeBytes())
        .setMetadata(Map.of("jobId", job.id(), "customId", item.customId()))
        .setCreatedAt(now())
        .setIdempotencyKey(null)
        .build();
  }

  /**
   * Ends a job whose items are all finished: {@code in_progress} becomes {@code completed} when its counts reach
   * its total, {@code cancelling} becomes {@code cancelled} when none of its items is open any more.
   */
  Mono<Void> finishIfDone(String jobId) {
    return store.find(jobId).flatMap(job -> switch (job.status()) {
      case IN_PROGRESS -> job.counts().total() > 0 && job.counts().finished() >= job.counts().total()
          ? store.move(jobId, List.of(JobStatus.IN_PROGRESS), JobStatus.COMPLETED, now(), new Update())
              .flatMap(moved -> moved ? events.announce(jobId) : Mono.<Void>empty())
          : Mono.<Void>empty();
      case CANCELLING -> store.countOpenItems(jobId).flatMap(open -> open == 0
          ? store.move(jobId, List.of(JobStatus.CANCELLING), JobStatus.CANCELLED, now(), new Update())
              .flatMap(moved -> moved ? events.announce(jobId) : Mono.<Void>empty())
          : Mono.<Void>empty());
      default -> Mono.<Void>empty();
    });
  }

  /**
   * Cancels a job: publishes the cancellation (so the processor skips its items), marks it {@code cancelling}, its
   * open items {@code cancelled} (finished ones are kept), recounts, and ends it {@code cancelled}. A finished job
   * is returned as it is.
   */
  Mono<JobDocument> cancel(String jobId, String owner) {
    return store.findOwned(jobId, owner).flatMap(job -> !JobStatus.OPEN.contains(job.status()) ? Mono.just(job)
        : publisher.cancel(jobId)
            .then(store.move(jobId, List.of(JobStatus.VALIDATING, JobStatus.IN_PROGRESS), JobStatus.CANCELLING,
                now(), new Update()))
            .then(Mono.defer(() -> cancelItems(jobId)))
            .then(Mono.defer(() -> store.find(jobId))));
  }

  /** Cancels a cancelling job's open items, recounts and ends it when none is left open. */
  Mono<Void> cancelItems(String jobId) {
    return store.cancelOpenItems(jobId).then(store.recount(jobId)).then(Mono.defer(() -> finishIfDone(jobId)));
  }

  Mono<JobDocument> find(String jobId, String owner) {
    return store.findOwned(jobId, owner);
  }

  Flux<JobDocument> page(String owner, int page, int size) {
    return store.page(owner, page, size);
  }

  Mono<Long> count(String owner) {
    return store.count(owner);
  }

  Flux<JobItemDocument> items(String jobId) {
    return store.items(jobId);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
