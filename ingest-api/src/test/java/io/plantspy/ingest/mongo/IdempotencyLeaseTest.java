package io.plantspy.ingest.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.MutableClock;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.UniqueIndexes;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Taking over the claim of an attempt that died before queuing its request: not before the lease has passed, by
 * one retry only, and without the dead attempt's late give-back freeing the key the retry now holds.
 */
class IdempotencyLeaseTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration LEASE = Duration.ofMinutes(1);


  private final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("lease");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final IdempotencyStore keys = new IdempotencyStore(mongo, Duration.ofHours(24), clock);

  @Test
  void aClaimIsTakenOverOnlyAfterItsLeaseAndByOneRetryOnly() {
    keys.createIndex();
    IdempotencyRecord first = fresh("d1");

    clock.advance(LEASE.minusMillis(1));
    assertThat(keys.takeOver(existing(), LEASE).block(TIMEOUT)).as("within the lease").isNull();

    clock.advance(Duration.ofMillis(1));
    IdempotencyRecord stale = existing();
    IdempotencyRecord taken = keys.takeOver(stale, LEASE).block(TIMEOUT);
    assertThat(taken.diagnosisId()).isEqualTo(first.diagnosisId());
    assertThat(taken.createdAt()).isEqualTo(clock.instant());
    assertThat(keys.takeOver(stale, LEASE).block(TIMEOUT)).as("a second retry with the same view").isNull();
    assertThat(existing().createdAt()).isEqualTo(clock.instant());
  }

  @Test
  void theDeadAttemptsLateGiveBackLeavesTheTakenOverClaim() {
    keys.createIndex();
    IdempotencyRecord first = fresh("d2");
    clock.advance(LEASE);
    IdempotencyRecord taken = keys.takeOver(existing(), LEASE).block(TIMEOUT);

    keys.release(first).block(TIMEOUT);
    assertThat(existing()).isEqualTo(taken);

    keys.release(taken).block(TIMEOUT);
    assertThat(keys.claim("grower", "k", "hash", "d3").block(TIMEOUT))
        .isInstanceOf(IdempotencyStore.Claim.Fresh.class);
  }

  private IdempotencyRecord fresh(String diagnosisId) {
    return ((IdempotencyStore.Claim.Fresh) keys.claim("grower", "k", "hash", diagnosisId).block(TIMEOUT)).claim();
  }

  private IdempotencyRecord existing() {
    return ((IdempotencyStore.Claim.Existing) keys.claim("grower", "k", "hash", "other").block(TIMEOUT)).first();
  }

  @Test
  void claimTimeChecksHaveAUniqueIndexOfExactlyTheirFields() {
    // The embedded MongoDB server uses an index only for a query of exactly its fields, and only a unique one.
    keys.createIndex();
    IdempotencyRecord claim = new IdempotencyRecord("id", "owner", "key", "hash", "d1", clock.instant());
    assertThat(UniqueIndexes.of(mongo, mongo.getCollectionName(IdempotencyRecord.class)))
        .contains(IdempotencyStore.sameClaim(claim).getQueryObject().keySet());
  }
}
