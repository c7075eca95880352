package io.plantspy.ingest.diagnosis;

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
 * Accepts a vetted submission: claims its Idempotency-Key, stores a large image in GridFS, records the
 * diagnosis as PENDING and publishes the request to Kafka, in that order so a result can never arrive for a
 * diagnosis the API has not recorded; then, if the caller asked to wait, waits for the result.
 */
@Service
public class DiagnosisService {

  private static final Logger log = LoggerFactory.getLogger(DiagnosisService.class);

  private final DiagnosisStore diagnoses;
  private final ImageStore images;
  private final IdempotencyStore keys;
  private final RequestPublisher publisher;
  private final ResultWaiters waiters;
  private final long inlineMaxBytes;

  public DiagnosisService(DiagnosisStore diagnoses, ImageStore images, IdempotencyStore keys,
      RequestPublisher publisher, ResultWaiters waiters, ImageProperties imageProps) {
    this.diagnoses = diagnoses;
    this.waiters = waiters;
    this.images = images;
    this.keys = keys;
    this.publisher = publisher;
    this.inlineMaxBytes = imageProps.inlineMaxSize().toBytes();
  }

  /**
   * The accepted (or, for a repeated Idempotency-Key, the earlier) diagnosis, once it has settled or {@code wait}
   * has passed, whichever is first. The wait is registered before the request is published, so even a result
   * that comes back at once finds its waiter.
   */
  public Mono<DiagnosisDocument> submit(Submission s, Duration wait) {
    String id = UUID.randomUUID().toString();
    if (s.idempotencyKey() == null) {
      return accept(id, s, wait);
    }
    return keys.claim(s.owner(), s.idempotencyKey(), s.bodyHash(), id).flatMap(claim -> {
      if (claim instanceof IdempotencyStore.Claim.Existing existing) {
        return replay(existing.first(), s, wait);
      }
      return accept(id, s, wait)
          .onErrorResume(e -> keys.release(s.owner(), s.idempotencyKey(), id).then(Mono.error(e)));
    });
  }

  private Mono<DiagnosisDocument> replay(IdempotencyRecord first, Submission s, Duration wait) {
    if (!first.bodyHash().equals(s.bodyHash())) {
      return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
          "Idempotency-Key reused", "Idempotency-Key '" + s.idempotencyKey()
              + "' was already used for a different request; use a new key for a new request"));
    }
    // Registered before the first look, so a result stored in between still wakes this caller.
    return waitingFor(first.diagnosisId(), wait, waiter ->
        // The first request may still be between claiming the key and recording its diagnosis: look again briefly.
        // The companion ends after 10 looks, which leaves the Mono empty (a maxRepeat would signal an error: a 500).
        diagnoses.findOwned(first.diagnosisId(), s.owner())
            .repeatWhenEmpty(attempts -> attempts.take(10).delayElements(Duration.ofMillis(50)))
            .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                "Request in progress", "the first request with this Idempotency-Key is still being accepted; retry")))
            .flatMap(doc -> settle(doc, waiter, wait)));
  }

  private Mono<DiagnosisDocument> accept(String id, Submission s, Duration wait) {
    return waitingFor(id, wait, waiter -> publish(id, s).flatMap(pending -> settle(pending, waiter, wait)));
  }

  private Mono<DiagnosisDocument> publish(String id, Submission s) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String contentType = s.info().format().mediaType();
    Mono<Object> image = s.image().length > inlineMaxBytes
        ? images.save(id, contentType, s.image()).map(ref -> (Object) ref)
        : Mono.just(new InlineImage(ByteBuffer.wrap(s.image())));
    List<String> answers = s.answers().stream().map(Enum::name).toList();
    DiagnosisDocument pending =
        new DiagnosisDocument(id, s.owner(), DiagnosisStatus.PENDING, now, answers, s.source().name(), null);
    return image.flatMap(img -> diagnoses.insertPending(pending).then(publisher.publish(DiagnosisRequest.newBuilder()
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
            .build())))
        .thenReturn(pending)
        .onErrorMap(e -> !(e instanceof ApiProblem), e -> {
          log.warn("Could not accept diagnosis {}: {}", id, e.toString());
          return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "queue-unavailable", "Cannot accept now",
              "the request could not be queued for diagnosis; retry later", e);
        });
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
    return diagnoses.awaitSettled(doc, waiter, wait);
  }
}
