package io.plantspy.ingest.diagnosis;

import io.plantspy.ingest.history.Thumbnails;
import io.plantspy.ingest.image.ImageProperties;
import io.plantspy.ingest.kafka.RequestPublisher;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.mongo.DiagnosisStore;
import io.plantspy.ingest.mongo.IdempotencyRecord;
import io.plantspy.ingest.mongo.IdempotencyStore;
import io.plantspy.ingest.mongo.ImageStore;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.InlineImage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Accepts a vetted submission: claims its Idempotency-Key, stores a large image in GridFS, publishes the request to
 * Kafka (asking the processor for the photo's History thumbnail, which comes back with the result) and only then records
 * the diagnosis as PENDING; then, if the caller asked to wait, waits for the result. A
 * waiting request without an Idempotency-Key is recorded only if its wait ends without the result.
 *
 * <p>The order is what makes a crash or a failure anywhere safe. A diagnosis document exists only for a request
 * that is on Kafka, so a retry with the same key that finds one may truthfully answer "accepted"; a retry that finds
 * only the claim answers 409 until the claim's lease has passed, then takes the claim over and queues the request
 * itself, under the same diagnosis id (should the first attempt have published after all, its result and the
 * retry's settle one document once). A request published but never recorded, because the API died or MongoDB
 * failed in between, is still answered: the result listener creates the document from the result. The key is given
 * back only when the request could not be queued; a failure after that (recording, waiting) keeps it, so a retry
 * replays the queued request instead of queuing the work twice.
 *
 * <p>A waiting request without a key skips the PENDING write when its result comes in time, a MongoDB write per
 * request saved: until it is answered nobody knows its id and nothing replays it, so nobody can miss the document
 * meanwhile. Its result creates the document: stored by this instance, with the request's fields from the waiter
 * ({@link ResultWaiters#registerUnrecorded}); stored by another, with the owner alone, and this request then adds
 * its fields. When the wait ends without the result (deadline, or the wait failed), it is recorded PENDING before
 * the 202, as an insert if absent, so a result stored meanwhile stays settled and is the answer; if MongoDB fails
 * then, the 202 stands (the request is queued, and its result creates the document). A request with a key is
 * recorded right after the publish instead, so that a retry with the same key finds the pending diagnosis.
 */
@Service
public class DiagnosisService {

  private static final Logger log = LoggerFactory.getLogger(DiagnosisService.class);

  private final DiagnosisStore diagnoses;
  private final ImageStore images;
  private final IdempotencyStore keys;
  private final RequestPublisher publisher;
  private final ResultWaiters waiters;
  private final Thumbnails thumbnails;
  private final long inlineMaxBytes;
  private final Duration claimLease;

  public DiagnosisService(DiagnosisStore diagnoses, ImageStore images, IdempotencyStore keys,
      RequestPublisher publisher, ResultWaiters waiters, Thumbnails thumbnails, ImageProperties imageProps,
      DiagnosisProperties props) {
    this.diagnoses = diagnoses;
    this.thumbnails = thumbnails;
    this.waiters = waiters;
    this.images = images;
    this.keys = keys;
    this.publisher = publisher;
    this.inlineMaxBytes = imageProps.inlineMaxSize().toBytes();
    this.claimLease = props.claimLease();
  }

  /**
   * The accepted (or, for a repeated Idempotency-Key, the earlier) diagnosis, once it has settled or {@code wait}
   * has passed, whichever is first. The wait is registered before the request is published, so even a result
   * that comes back at once finds its waiter.
   */
  public Mono<DiagnosisDocument> submit(Submission s, Duration wait) {
    String id = UUID.randomUUID().toString();
    if (s.idempotencyKey() == null) {
      return wait.isZero() ? accept(id, s, wait, null) : queueWaitThenRecord(id, s, wait);
    }
    return keys.claim(s.owner(), s.idempotencyKey(), s.bodyHash(), id).flatMap(claim ->
        claim instanceof IdempotencyStore.Claim.Existing existing
            ? replay(existing.first(), s, wait)
            : accept(id, s, wait, ((IdempotencyStore.Claim.Fresh) claim).claim()));
  }

  private Mono<DiagnosisDocument> replay(IdempotencyRecord first, Submission s, Duration wait) {
    if (!first.bodyHash().equals(s.bodyHash())) {
      return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
          "Idempotency-Key reused", "Idempotency-Key '" + s.idempotencyKey()
              + "' was already used for a different request; use a new key for a new request"));
    }
    String id = first.diagnosisId();
    // Registered before the first look, so a result stored in between still wakes this caller.
    return waitingFor(id, wait, waiter ->
        // The first request may still be queuing its request: look again briefly.
        // The companion ends after 10 looks, which leaves the Mono empty (a maxRepeat would signal an error: a 500).
        diagnoses.findOwned(id, s.owner())
            .repeatWhenEmpty(attempts -> attempts.take(10).delayElements(Duration.ofMillis(50)))
            // Still no diagnosis: the first attempt is queuing it, or died before it did; past the lease, queue it.
            .switchIfEmpty(Mono.defer(() -> keys.takeOver(first, claimLease).flatMap(claim -> {
              log.warn("Taking over Idempotency-Key claim of diagnosis {}, unqueued since {}", id, first.createdAt());
              return queueAndRecord(id, s, claim);
            })))
            .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                "Request in progress", "the first request with this Idempotency-Key is still being accepted; retry")))
            .flatMap(doc -> settle(doc, waiter, wait)));
  }

  private Mono<DiagnosisDocument> accept(String id, Submission s, Duration wait, IdempotencyRecord claim) {
    return waitingFor(id, wait, waiter -> queueAndRecord(id, s, claim).flatMap(doc -> settle(doc, waiter, wait)));
  }

  /**
   * A waiting request without an Idempotency-Key: queued, waited for, and recorded PENDING only if the wait ends
   * without its result (its result, stored by this instance, creates the whole document from the waiter's copy).
   */
  private Mono<DiagnosisDocument> queueWaitThenRecord(String id, Submission s, Duration wait) {
    DiagnosisDocument pending = pendingOf(id, s);
    return Mono.using(() -> waiters.registerUnrecorded(pending),
        waiter -> queue(id, s, pending.createdAt()).then(Mono.defer(() -> awaitThenRecord(pending, waiter, wait))),
        ResultWaiters.Waiter::close);
  }

  private Mono<DiagnosisDocument> awaitThenRecord(DiagnosisDocument pending, ResultWaiters.Waiter waiter,
      Duration wait) {
    return diagnoses.awaitSettled(pending, waiter, wait)
        .onErrorResume(e -> {
          log.warn("Waiting for diagnosis {} failed; recording it as pending: {}", pending.id(), e.toString());
          return Mono.just(pending);
        })
        // Settled by a result another instance stored: that document lacks the request's fields, which recording
        // adds (it never changes the status). Not settled: recorded now, unless the result comes first after all.
        .flatMap(doc -> doc.settled() && doc.hasRequest() ? Mono.just(doc) : record(pending, doc));
  }

  /** Queues the request, then records it PENDING; the diagnosis as recorded (or as it will be, see below). */
  private Mono<DiagnosisDocument> queueAndRecord(String id, Submission s, IdempotencyRecord claim) {
    DiagnosisDocument pending = pendingOf(id, s);
    Mono<Void> queued = queue(id, s, pending.createdAt());
    if (claim != null) {
      // Only a request that is not on Kafka gives its key back; the key is kept if giving it back fails (the
      // retry then finds it unqueued and takes it over after the lease).
      queued = queued.onErrorResume(e -> keys.release(claim)
          .onErrorResume(releaseFailed -> {
            log.warn("Could not free Idempotency-Key of unqueued diagnosis {}: {}", id, releaseFailed.toString());
            return Mono.empty();
          })
          .then(Mono.error(e)));
    }
    return queued.then(Mono.defer(() -> record(pending, pending)));
  }

  private static DiagnosisDocument pendingOf(String id, Submission s) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<String> answers = s.answers().stream().map(Enum::name).toList();
    return new DiagnosisDocument(id, s.owner(), DiagnosisStatus.PENDING, now, answers, s.source().name(), null);
  }

  /**
   * Records a queued request PENDING, or completes the document its result created; the document as it now
   * stands, or {@code known} (what the caller knew before) when MongoDB cannot be reached.
   */
  private Mono<DiagnosisDocument> record(DiagnosisDocument pending, DiagnosisDocument known) {
    return diagnoses.insertPending(pending)
        .defaultIfEmpty(known)
        .onErrorResume(e -> {
          // Queued all the same: the result listener creates the document when the result comes.
          log.warn("Diagnosis {} is queued but could not be recorded PENDING: {}", pending.id(), e.toString());
          return Mono.just(known);
        });
  }

  private Mono<Void> queue(String id, Submission s, Instant now) {
    String contentType = s.info().format().mediaType();
    Mono<Object> image = s.image().length > inlineMaxBytes
        ? images.save(id, contentType, s.image()).map(ref -> (Object) ref)
        : Mono.just(new InlineImage(ByteBuffer.wrap(s.image())));
    Mono<Void> published = image.flatMap(img -> publisher.publish(DiagnosisRequest.newBuilder()
            .setId(id)
            .setOwner(s.owner())
            .setRequestedAnswers(List.copyOf(s.answers()))
            .setSource(s.source())
            .setImage(img)
            .setContentType(contentType)
            .setSizeBytes(s.image().length)
            .setMetadata(s.metadata())
            .setCreatedAt(now)
            .setIdempotencyKey(s.idempotencyKey())
            .setCallbackUrl(s.callbackUrl())
            .setThumbnail(thumbnails.request())
            .build()))
        .onErrorMap(e -> !(e instanceof ApiProblem), e -> {
          log.warn("Could not queue diagnosis {}: {}", id, e.toString());
          return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "queue-unavailable", "Cannot accept now",
              "the request could not be queued for diagnosis; retry later", e);
        });
    // The History page's thumbnail comes back with the result: the request asks for it (see Thumbnails).
    return published;
  }

  public Mono<DiagnosisDocument> find(String id, String owner) {
    return diagnoses.findOwned(id, owner);
  }

  /** Runs {@code work} with a waiter for {@code id} (none when {@code wait} is zero), closed whatever happens. */
  private Mono<DiagnosisDocument> waitingFor(String id, Duration wait,
      Function<ResultWaiters.Waiter, Mono<DiagnosisDocument>> work) {
    if (wait.isZero()) {
      return work.apply(null);
    }
    return Mono.using(() -> waiters.register(id), work, ResultWaiters.Waiter::close);
  }

  private Mono<DiagnosisDocument> settle(DiagnosisDocument doc, ResultWaiters.Waiter waiter, Duration wait) {
    if (waiter == null || doc.settled()) {
      return Mono.just(doc);
    }
    return diagnoses.awaitSettled(doc, waiter, wait).onErrorResume(e -> {
      // The request is queued whatever went wrong while waiting: answer it as accepted, to be read later.
      log.warn("Waiting for diagnosis {} failed; answering it as pending: {}", doc.id(), e.toString());
      return Mono.just(doc);
    });
  }
}
