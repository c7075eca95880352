package io.plantspy.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.UniqueIndexes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Claims of due deliveries on the embedded MongoDB server: once each, taken over after a lease, and indexed. */
class DeliveryStoreTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("deliveries");
  private final DeliveryStore store = new DeliveryStore(mongo);

  @Test
  void aDueDeliveryIsClaimedOnceAndTakenOverOnlyAfterItsLeaseEnds() {
    store.ensureIndexes().block(TIMEOUT);
    Delivery pending = Delivery.pending("endpoint-1", "grower", UUID.randomUUID().toString(), "diagnosis.completed",
        "{}", NOW.minusSeconds(5).truncatedTo(ChronoUnit.MILLIS));
    assertThat(store.insertIfAbsent(pending).block(TIMEOUT)).isTrue();

    DeliveryStore.Due due = store.due(NOW, List.of(), 10).single().block(TIMEOUT);
    Delivery claimed = store.claim(due, NOW.plusSeconds(30)).block(TIMEOUT);
    // A second instance that read the same due delivery a moment before loses the race.
    Delivery again = store.claim(due, NOW.plusSeconds(30)).block(TIMEOUT);

    assertThat(claimed).isNotNull();
    assertThat(claimed.claim()).isNotBlank();
    assertThat(again).isNull();
    assertThat(store.due(NOW.plusSeconds(10), List.of(), 10).collectList().block(TIMEOUT)).as("leased").isEmpty();

    DeliveryStore.Due expired = store.due(NOW.plusSeconds(31), List.of(), 10).single().block(TIMEOUT);
    Delivery takenOver = store.claim(expired, NOW.plusSeconds(61)).block(TIMEOUT);
    assertThat(takenOver).isNotNull();
    assertThat(takenOver.claim()).isNotEqualTo(claimed.claim());
  }

  @Test
  void finishedDeliveriesPastTheRetentionAreDeletedAndPendingOnesNeverAre() {
    store.ensureIndexes().block(TIMEOUT);
    store.ensureRetention(Duration.ofDays(30)).block(TIMEOUT);
    insert("old-delivered", DeliveryStatus.DELIVERED, NOW.minus(Duration.ofDays(31)));
    insert("old-failed", DeliveryStatus.FAILED, NOW.minus(Duration.ofDays(40)));
    insert("recent", DeliveryStatus.DELIVERED, NOW.minus(Duration.ofDays(29)));
    Delivery pending = Delivery.pending("e", "grower", "pending", "diagnosis.completed", "{}",
        NOW.minus(Duration.ofDays(90)));
    store.insertIfAbsent(pending).block(TIMEOUT);

    assertThat(store.deleteFinishedBefore(NOW.minus(Duration.ofDays(30))).block(TIMEOUT)).isEqualTo(2);

    assertThat(mongo.findAll(Delivery.class, DeliveryStore.COLLECTION).map(Delivery::eventId).collectList()
        .block(TIMEOUT)).containsExactlyInAnyOrder("recent", "pending");
  }

  private void insert(String eventId, DeliveryStatus status, Instant finishedAt) {
    mongo.insert(new Delivery("e:" + eventId, "e", "grower", eventId, "diagnosis.completed", "{}", status, 1, null,
        null, finishedAt.minusSeconds(60), finishedAt, List.of(), null), DeliveryStore.COLLECTION).block(TIMEOUT);
  }

  @Test
  void everyPerAttemptQueryHasAUniqueIndexOfExactlyItsFields() {
    // The embedded MongoDB server uses an index only for a query of exactly its fields with no operator, and only a
    // unique one; any other claim or outcome would read the whole collection.
    store.ensureIndexes().block(TIMEOUT);
    List<Set<String>> indexed = UniqueIndexes.of(mongo, DeliveryStore.COLLECTION);
    Delivery claimed = new Delivery("e:1", "e", "grower", "1", "diagnosis.completed", "{}", DeliveryStatus.PENDING,
        0, NOW, "claim", NOW, null, List.of(), null);

    assertThat(indexed).contains(
        DeliveryStore.stillDue(new DeliveryStore.Due("e:1", "e", NOW)).getQueryObject().keySet(),
        DeliveryStore.held(claimed).getQueryObject().keySet(),
        DeliveryStore.byIdAndEndpoint("e:1", "e").getQueryObject().keySet());
  }
}
