package io.plantspy.ingest.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.model.Filters;
import io.plantspy.ingest.MutableClock;
import io.plantspy.ingest.TestProperties;
import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.history.ThumbnailDocument;
import io.plantspy.ingest.history.ThumbnailStore;
import io.plantspy.ingest.kafka.ResultPartitions;
import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple4;

/**
 * The retention sweep at set times: each kind of record is kept up to its retention and deleted once older, judged
 * by the sweeper's clock. Each test has a database of its own on an in-memory MongoDB wire server.
 */
class RetentionSweeperTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final RetentionProperties RETENTION =
      new RetentionProperties(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(90), Duration.ofMinutes(10));


  private final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("sweep");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final ImageStore images = new ImageStore(mongo);
  private final IdempotencyStore keys = new IdempotencyStore(mongo, RETENTION, clock);
  private final DiagnosisStore diagnoses = new DiagnosisStore(mongo, TestProperties.defaults(WaitProperties.class), new ResultPartitions());
  private final ThumbnailStore thumbnails = new ThumbnailStore(mongo);
  private final RetentionSweeper sweeper =
      new RetentionSweeper(images, keys, diagnoses, thumbnails, RETENTION, clock);

  @Test
  void deletesAnImageOnlyOnceItIsOlderThanTheImageRetention() {
    String id = images.save(UUID.randomUUID().toString(), "image/png", new byte[3_000]).block(TIMEOUT).getId();
    // GridFS stamps the upload with the driver's own time, so the cutoff is measured from that stamp.
    Instant uploaded = uploadDateOf(id);

    clock.set(uploaded.plus(RETENTION.images()));
    assertThat(sweep().getT1()).isZero();
    assertThat(imageExists(id)).isTrue();

    clock.set(uploaded.plus(RETENTION.images()).plusMillis(1));
    assertThat(sweep().getT1()).isEqualTo(1L);
    assertThat(imageExists(id)).isFalse();
  }

  @Test
  void aFileAnotherInstanceDeletedFirstDoesNotAbortTheSweep() {
    // GridFS's delete fails with "No file found" when another sweeper deleted the file after this one found it.
    ImageStore racing = Mockito.mock(ImageStore.class);
    Mockito.when(racing.deleteUploadedBefore(Mockito.any()))
        .thenReturn(Mono.error(new MongoGridFSException("No file found with the ObjectId: " + new ObjectId())))
        .thenReturn(Mono.just(2L));
    RetentionSweeper sweeper = new RetentionSweeper(racing, keys, diagnoses, thumbnails, RETENTION, clock);
    assertThat(sweeper.sweep().block(TIMEOUT).getT1()).isEqualTo(2L);
  }

  @Test
  void deletesAnIdempotencyKeyOnlyOnceItIsOlderThanTheKeyRetention() {
    Instant claimed = clock.instant();
    keys.claim("grower", "old-key", "hash", "d1").block(TIMEOUT);
    clock.advance(Duration.ofHours(1));
    keys.claim("grower", "younger-key", "hash", "d2").block(TIMEOUT);

    clock.set(claimed.plus(RETENTION.idempotencyKeys()));
    assertThat(sweep().getT2()).isZero();
    assertThat(keyExists("old-key")).isTrue();

    clock.set(claimed.plus(RETENTION.idempotencyKeys()).plusMillis(1));
    assertThat(sweep().getT2()).isEqualTo(1L);
    assertThat(keyExists("old-key")).isFalse();
    assertThat(keyExists("younger-key")).isTrue();
  }

  @Test
  void deletesADiagnosisOnlyOnceItIsOlderThanTheDiagnosisRetention() {
    Instant created = clock.instant();
    String old = UUID.randomUUID().toString();
    String younger = UUID.randomUUID().toString();
    diagnoses.insertPending(pending(old, created)).block(TIMEOUT);
    diagnoses.insertPending(pending(younger, created.plusSeconds(1))).block(TIMEOUT);

    clock.set(created.plus(RETENTION.diagnoses()));
    assertThat(sweep().getT3()).isZero();
    assertThat(diagnoses.findOwned(old, "grower").block(TIMEOUT)).isNotNull();

    clock.set(created.plus(RETENTION.diagnoses()).plusMillis(1));
    assertThat(sweep().getT3()).isEqualTo(1L);
    assertThat(diagnoses.findOwned(old, "grower").block(TIMEOUT)).isNull();
    assertThat(diagnoses.findOwned(younger, "grower").block(TIMEOUT)).isNotNull();
  }

  @Test
  void deletesAThumbnailOnlyOnceItIsOlderThanTheDiagnosisRetention() {
    Instant created = clock.instant();
    String old = UUID.randomUUID().toString();
    String younger = UUID.randomUUID().toString();
    thumbnails.saveAll(List.of(new ThumbnailDocument(old, "grower", created, new byte[] {1}),
        new ThumbnailDocument(younger, "grower", created.plusSeconds(1), new byte[] {2}))).block(TIMEOUT);

    clock.set(created.plus(RETENTION.diagnoses()));
    assertThat(sweep().getT4()).isZero();

    clock.set(created.plus(RETENTION.diagnoses()).plusMillis(1));
    assertThat(sweep().getT4()).isEqualTo(1L);
    assertThat(thumbnails.findOwned(old, "grower").block(TIMEOUT)).isNull();
    assertThat(thumbnails.findOwned(younger, "grower").block(TIMEOUT)).isNotNull();
  }

  @Test
  void eachKindIsJudgedByItsOwnRetention() {
    // A day and a bit: past the key retention, well within those of images and diagnoses.
    Instant start = clock.instant();
    keys.claim("grower", "k", "hash", "d").block(TIMEOUT);
    diagnoses.insertPending(pending(UUID.randomUUID().toString(), start)).block(TIMEOUT);
    String image = images.save(UUID.randomUUID().toString(), "image/png", new byte[3_000]).block(TIMEOUT).getId();

    clock.set(uploadDateOf(image).plus(RETENTION.idempotencyKeys()).plusSeconds(60));
    Tuple4<Long, Long, Long, Long> deleted = sweep();
    assertThat(deleted.getT1()).as("images").isZero();
    assertThat(deleted.getT2()).as("idempotency keys").isEqualTo(1L);
    assertThat(deleted.getT3()).as("diagnoses").isZero();
  }

  private Tuple4<Long, Long, Long, Long> sweep() {
    return sweeper.sweep().block(TIMEOUT);
  }

  private Instant uploadDateOf(String imageId) {
    return mongo.getMongoDatabase()
        .flatMap(db -> Mono.from(ImageStore.bucket(db).find(Filters.eq("_id", new ObjectId(imageId))).first()))
        .map(file -> file.getUploadDate().toInstant())
        .block(TIMEOUT);
  }

  private boolean imageExists(String imageId) {
    return Boolean.TRUE.equals(mongo.getMongoDatabase()
        .flatMap(db -> Flux.from(ImageStore.bucket(db).find(Filters.eq("_id", new ObjectId(imageId)))).hasElements())
        .block(TIMEOUT));
  }

  private boolean keyExists(String key) {
    return Boolean.TRUE.equals(mongo.exists(Query.query(Criteria.where("key").is(key)), IdempotencyRecord.class)
        .block(TIMEOUT));
  }

  private static DiagnosisDocument pending(String id, Instant createdAt) {
    return new DiagnosisDocument(id, "grower", DiagnosisStatus.PENDING, createdAt, List.of("CATEGORY"), "UPLOAD",
        null);
  }
}
