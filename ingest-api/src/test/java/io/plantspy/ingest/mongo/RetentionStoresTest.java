package io.plantspy.ingest.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.MutableClock;
import io.plantspy.ingest.TestProperties;
import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.kafka.ResultPartitions;
import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Idempotency-Key claims, claim-checked images and diagnosis retention against a real MongoDB wire server
 * (mongo-java-server).
 */
class RetentionStoresTest {

  private static final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("retention");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final IdempotencyStore keys = new IdempotencyStore(mongo, Duration.ofHours(24), clock);

  @Test
  void aChangedKeyRetentionChangesTheTtlIndexAtStartup() {
    ReactiveMongoTemplate own = TestMongo.freshReactiveDatabase("ttl");
    new IdempotencyStore(own, Duration.ofHours(24), clock).createIndex();
    new IdempotencyStore(own, Duration.ofHours(48), clock).createIndex();
    assertThat(own.indexOps(IdempotencyRecord.class).getIndexInfo()
        .filter(index -> IdempotencyStore.TTL_INDEX.equals(index.getName()))
        .map(index -> index.getExpireAfter().orElseThrow())
        .collectList().block()).containsExactly(Duration.ofHours(48));
  }

  @Test
  void aKeyReplaysTheFirstRequestWithinItsRetention() {
    keys.createIndex();
    String owner = "owner-" + UUID.randomUUID();
    assertThat(keys.claim(owner, "k1", "hash", "first").block()).isInstanceOf(IdempotencyStore.Claim.Fresh.class);
    clock.advance(Duration.ofHours(23));
    assertThat(keys.claim(owner, "k1", "hash", "second").block())
        .isEqualTo(new IdempotencyStore.Claim.Existing(stored(owner, "k1")));
  }

  @Test
  void aKeyIsFreeAgainOnceItsClaimHasExpired() {
    String owner = "owner-" + UUID.randomUUID();
    keys.claim(owner, "k1", "hash", "first").block();
    clock.advance(Duration.ofHours(25));
    assertThat(keys.claim(owner, "k1", "other-hash", "second").block())
        .isInstanceOf(IdempotencyStore.Claim.Fresh.class);
    assertThat(stored(owner, "k1").diagnosisId()).isEqualTo("second");
  }

  @Test
  void sweepRemovesOnlyExpiredClaims() {
    String owner = "owner-" + UUID.randomUUID();
    keys.claim(owner, "old", "hash", "d1").block();
    clock.advance(Duration.ofHours(25));
    keys.claim(owner, "new", "hash", "d2").block();
    assertThat(keys.removeExpired().block()).isGreaterThanOrEqualTo(1L);
    assertThat(stored(owner, "old")).isNull();
    assertThat(stored(owner, "new")).isNotNull();
  }

  @Test
  void imagesAreDeletedOnlyOncePastTheCutoff() {
    ImageStore images = new ImageStore(mongo);
    images.save(UUID.randomUUID().toString(), "image/jpeg", new byte[300_000]).block();
    assertThat(images.deleteUploadedBefore(Instant.now().minus(Duration.ofHours(1))).block()).isZero();
    assertThat(images.deleteUploadedBefore(Instant.now().plus(Duration.ofSeconds(5))).block()).isEqualTo(1L);
    assertThat(images.deleteUploadedBefore(Instant.now().plus(Duration.ofSeconds(5))).block()).isZero();
  }

  @Test
  void diagnosesAreDeletedOnlyOncePastTheirRetention() {
    DiagnosisStore diagnoses = new DiagnosisStore(mongo, TestProperties.defaults(WaitProperties.class), new ResultPartitions());
    diagnoses.createIndex();
    Instant created = Instant.parse("2026-08-01T12:00:00Z");
    String old = UUID.randomUUID().toString();
    String fresh = UUID.randomUUID().toString();
    diagnoses.insertPending(pending(old, created)).block();
    diagnoses.insertPending(pending(fresh, created.plus(Duration.ofDays(30)))).block();

    assertThat(diagnoses.deleteCreatedBefore(created).block()).isZero();
    assertThat(diagnoses.deleteCreatedBefore(created.plus(Duration.ofDays(1))).block()).isEqualTo(1L);
    assertThat(diagnoses.findOwned(old, "grower").block()).isNull();
    assertThat(diagnoses.findOwned(fresh, "grower").block()).isNotNull();
  }

  private static DiagnosisDocument pending(String id, Instant createdAt) {
    return new DiagnosisDocument(id, "grower", DiagnosisStatus.PENDING, createdAt, List.of("CATEGORY"), "UPLOAD",
        null);
  }

  private static IdempotencyRecord stored(String owner, String key) {
    return mongo.findOne(Query.query(Criteria.where("owner").is(owner).and("key").is(key)), IdempotencyRecord.class)
        .block(Duration.ofSeconds(5));
  }
}
