package io.plantspy.ingest.lab;

import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.LabSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Accepts, lists and withdraws lab samples.
 *
 * <p>Accepting one image: look for a sample already holding the same bytes (then it is a duplicate, stored and
 * counted once); store the image in GridFS; insert the sample PENDING, which claims its bytes through the unique
 * index (two uploads of the same bytes at once: the second is the duplicate); publish the {@code LabSample} record;
 * only then mark it LIVE, which makes it counted and listed. So a sample is never half-accepted: a LIVE sample is on
 * the topic with its image stored, and a record on the topic always finds its image. If the publish fails, the
 * sample is removed (then its image) and the upload answers 503; if removing fails too, or the API dies after the
 * publish and before marking it LIVE, a PENDING sample remains, invisible, holding its bytes: an upload of the same
 * bytes gets 409 during {@code plantspy.lab.claim-lease} and afterwards publishes that sample itself (same id, so
 * a second record replaces the first on the compacted topic) and marks it LIVE; so does {@link
 * UnpublishedSampleSweeper} when no such upload comes. Such a sample may be on the topic already, so a failed
 * publish of it leaves it PENDING to be tried again rather than removing it. Images of one upload are accepted
 * one after the other; if one fails, those before it stay accepted, and retrying the whole upload is safe, since
 * they are then duplicates.
 *
 * <p>Withdrawing: publish the tombstone first, then mark the sample WITHDRAWN (which frees its bytes). If marking
 * fails, the answer is 503 and a retry publishes the tombstone again, harmlessly; the other order could leave a
 * sample withdrawn in MongoDB but trained on. The image stays in GridFS with the withdrawn sample, for the record.
 */
@Service
class LabSampleService {

  private static final Logger log = LoggerFactory.getLogger(LabSampleService.class);

  private final LabSampleStore store;
  private final LabSamplePublisher publisher;
  private final Clock clock;
  private final Duration claimLease;

  LabSampleService(LabSampleStore store, LabSamplePublisher publisher, Clock clock, LabProperties props) {
    this.store = store;
    this.publisher = publisher;
    this.clock = clock;
    this.claimLease = props.claimLease();
  }

  /** What became of one image of an upload. */
  sealed interface Outcome {
    LabUpload.Image image();

    /** Stored and published as {@code sample}. */
    record Stored(LabUpload.Image image, LabSampleDocument sample) implements Outcome {}

    /** The same bytes are already a sample, {@code existing}: nothing stored, nothing counted. */
    record Duplicate(LabUpload.Image image, LabSampleDocument existing) implements Outcome {}
  }

  /** The outcome of every image, in order, and the LIVE samples per label afterwards. */
  record Accepted(List<Outcome> outcomes, Map<String, Long> counts) {}

  Mono<Accepted> accept(LabUpload upload, String owner) {
    return Flux.fromIterable(upload.images())
        .concatMap(image -> acceptOne(upload, image, owner))
        .collectList()
        .flatMap(outcomes -> store.countsByLabel().map(counts -> new Accepted(outcomes, counts)));
  }

  private Mono<Outcome> acceptOne(LabUpload upload, LabUpload.Image image, String owner) {
    return store.findHolding(image.sha256())
        .flatMap(existing -> duplicateOf(image, existing))
        .switchIfEmpty(Mono.defer(() -> storeNew(upload, image, owner)));
  }

  private Mono<Outcome> storeNew(LabUpload upload, LabUpload.Image image, String owner) {
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return store.saveImage(id, image.contentType(), image.bytes()).flatMap(imageId -> {
      LabSampleDocument pending = new LabSampleDocument(id, LabSampleDocument.Status.PENDING, image.sha256(),
          image.sha256(), upload.label(), upload.labId(), upload.sampleRef(), upload.capturedAt(), upload.notes(),
          owner, now, imageId, image.contentType(), image.bytes().length, null);
      return store.insert(pending)
          .flatMap(inserted -> publishAndMarkLive(inserted))
          .map(live -> (Outcome) new Outcome.Stored(image, live))
          .onErrorResume(DuplicateKeyException.class, raced -> store.deleteImage(imageId)
              .then(store.findHolding(image.sha256()))
              .flatMap(existing -> duplicateOf(image, existing))
              // Withdrawn in between: the bytes are free again.
              .switchIfEmpty(Mono.defer(() -> storeNew(upload, image, owner))));
    });
  }

  /** Publishes a PENDING sample and marks it LIVE; a failed publish removes it. */
  private Mono<LabSampleDocument> publishAndMarkLive(LabSampleDocument pending) {
    return publisher.publish(record(pending))
        .onErrorResume(failed -> removeUnpublished(pending).then(Mono.error(queueUnavailable(pending.id(), failed))))
        .then(store.markLive(pending.id()))
        .thenReturn(live(pending));
  }

  private Mono<Void> removeUnpublished(LabSampleDocument pending) {
    // The sample first: an image without a sample is garbage, a sample without its image would be a lie.
    return store.delete(pending.id()).then(store.deleteImage(pending.imageId()))
        .onErrorResume(e -> {
          log.warn("Lab sample {} was not published and could not be removed; an upload of the same bytes will "
              + "publish it after the claim lease: {}", pending.id(), e.toString());
          return Mono.empty();
        });
  }

  private Mono<Outcome> duplicateOf(LabUpload.Image image, LabSampleDocument existing) {
    if (existing.status() == LabSampleDocument.Status.LIVE) {
      return Mono.just(new Outcome.Duplicate(image, existing));
    }
    if (existing.createdAt().plus(claimLease).isAfter(clock.instant())) {
      return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "lab-sample-in-progress", "Sample in progress",
          "image part " + image.part() + ": the same image is being stored by another upload; retry"));
    }
    return publishStale(existing).map(live -> new Outcome.Duplicate(image, live));
  }

  /**
   * Publishes the samples left PENDING longer than the claim lease and marks them LIVE; the answer is how many.
   * One that fails stays PENDING for the next round.
   */
  Mono<Long> publishStalePending() {
    return store.pendingCreatedBefore(clock.instant().minus(claimLease))
        .concatMap(stale -> publishStale(stale).onErrorResume(e -> {
          log.warn("Lab sample {} is still unpublished: {}", stale.id(), e.toString());
          return Mono.empty();
        }))
        .count();
  }

  /** Publishes a sample an earlier attempt left PENDING, which may be on the topic already: never removes it. */
  private Mono<LabSampleDocument> publishStale(LabSampleDocument stale) {
    log.warn("Publishing lab sample {}, stored but unpublished since {}", stale.id(), stale.createdAt());
    return publisher.publish(record(stale))
        .onErrorMap(failed -> queueUnavailable(stale.id(), failed))
        .then(store.markLive(stale.id()))
        .thenReturn(live(stale));
  }

  Mono<LabSampleDocument> find(String id) {
    return store.find(id).filter(sample -> sample.status() != LabSampleDocument.Status.PENDING);
  }

  /** A page of LIVE samples, newest first, with the total number matching. */
  Mono<Page> page(String label, Instant since, int page, int size) {
    return store.count(label, since).flatMap(total -> store.page(label, since, page, size).collectList()
        .map(items -> new Page(items, total)));
  }

  record Page(List<LabSampleDocument> items, long total) {}

  Mono<Map<String, Long>> counts() {
    return store.countsByLabel();
  }

  /**
   * Withdraws {@code id}, which only the lab user who uploaded it may do; the sample as it now is. Withdrawing a
   * withdrawn sample changes nothing.
   */
  Mono<LabSampleDocument> withdraw(String id, String caller) {
    return store.find(id)
        .filter(sample -> sample.status() != LabSampleDocument.Status.PENDING)
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .flatMap(sample -> {
          if (!sample.owner().equals(caller)) {
            return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "not-your-sample", "Not your sample",
                "lab sample " + id + " was uploaded by another user; only they can withdraw it"));
          }
          if (sample.status() == LabSampleDocument.Status.WITHDRAWN) {
            return Mono.just(sample);
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          return publisher.tombstone(id)
              .onErrorMap(e -> !(e instanceof ApiProblem), e -> queueUnavailable(id, e))
              .then(store.markWithdrawn(id, now))
              .thenReturn(withdrawn(sample, now));
        });
  }

  static ApiProblem notFound(String id) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "lab-sample-not-found", "Lab sample not found",
        "no lab sample " + id);
  }

  private static ApiProblem queueUnavailable(String id, Throwable cause) {
    log.warn("Could not publish lab sample {}: {}", id, cause.toString());
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "queue-unavailable", "Cannot accept now",
        "the lab sample could not be published for training; retry later (samples already accepted are "
            + "recognised as duplicates)", cause);
  }

  static LabSample record(LabSampleDocument sample) {
    return LabSample.newBuilder()
        .setId(sample.id())
        .setOwner(sample.owner())
        .setLabel(sample.label())
        .setImage(new ImageReference(LabSampleStore.STORE, sample.imageId()))
        .setContentType(sample.contentType())
        .setSha256(sample.sha256())
        .setCreatedAt(sample.createdAt())
        .setSizeBytes(sample.sizeBytes())
        .setLabId(sample.labId())
        .setSampleRef(sample.sampleRef())
        .setCapturedAt(sample.capturedAt())
        .setNotes(sample.notes())
        .build();
  }

  private static LabSampleDocument live(LabSampleDocument s) {
    return new LabSampleDocument(s.id(), LabSampleDocument.Status.LIVE, s.sha256(), s.liveSha256(), s.label(),
        s.labId(), s.sampleRef(), s.capturedAt(), s.notes(), s.owner(), s.createdAt(), s.imageId(), s.contentType(),
        s.sizeBytes(), null);
  }

  private static LabSampleDocument withdrawn(LabSampleDocument s, Instant at) {
    return new LabSampleDocument(s.id(), LabSampleDocument.Status.WITHDRAWN, s.sha256(), null, s.label(),
        s.labId(), s.sampleRef(), s.capturedAt(), s.notes(), s.owner(), s.createdAt(), s.imageId(), s.contentType(),
        s.sizeBytes(), at);
  }
}
