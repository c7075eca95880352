package io.plantspy.feeds.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.feeds.gateway.alert.Alert;
import io.plantspy.feeds.gateway.alert.AlertStore;
import io.plantspy.feeds.gateway.frame.FeedFrame;
import io.plantspy.feeds.gateway.frame.FeedFrameStore;
import io.plantspy.testsupport.TestMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Retention of frames and alerts against a real MongoDB wire server (mongo-java-server). */
class RetentionSweeperTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final RetentionProperties RETENTION =
      new RetentionProperties(Duration.ofDays(7), Duration.ofDays(30), Duration.ofMinutes(10));

  private final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("feed-retention");
  private final FeedFrameStore frames = new FeedFrameStore(mongo);
  private final AlertStore alerts = new AlertStore(mongo);
  private final RetentionSweeper sweeper =
      new RetentionSweeper(frames, alerts, RETENTION, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void createsTtlIndexesWithTheConfiguredRetentionsAtStart() {
    sweeper.start();
    sweeper.stop();
    assertThat(ttls(FeedFrame.class)).containsEntry(FeedFrameStore.TTL_INDEX, Duration.ofDays(7));
    assertThat(ttls(Alert.class)).containsEntry(AlertStore.TTL_INDEX, Duration.ofDays(30));
  }

  @Test
  void sweepDeletesOnlyWhatIsOlderThanItsRetention() {
    frames.insert(frame("old", NOW.minus(Duration.ofDays(7)).minusSeconds(1))).block();
    frames.insert(frame("kept", NOW.minus(Duration.ofDays(7)))).block();
    alerts.insert(alert("old", NOW.minus(Duration.ofDays(30)).minusSeconds(1))).block();
    alerts.insert(alert("kept", NOW.minus(Duration.ofDays(8)))).block();

    assertThat(sweeper.sweep().block()).isEqualTo(2);
    assertThat(frames.find("old").block()).isNull();
    assertThat(frames.find("kept").block()).isNotNull();
    assertThat(alerts.find("old").block()).isNull();
    assertThat(alerts.find("kept").block()).as("a frame's retention is not an alert's").isNotNull();
  }

  private Map<String, Duration> ttls(Class<?> type) {
    return mongo.indexOps(type).getIndexInfo().filter(i -> i.getExpireAfter().isPresent()).collectList()
        .block(Duration.ofSeconds(10)).stream()
        .collect(Collectors.toMap(i -> i.getName(), i -> i.getExpireAfter().orElseThrow()));
  }

  private static FeedFrame frame(String id, Instant receivedAt) {
    return new FeedFrame(id, "d-1", "farm", "owner", id, receivedAt, receivedAt, null, null, null, null,
        "image/jpeg", 10, null, null);
  }

  private static Alert alert(String id, Instant raisedAt) {
    return new Alert(id, Alert.TYPE, "d-1", "farm", "owner", "Tomato___Early_blight", "Early_blight", 0.9, "diag",
        raisedAt, raisedAt, null, null, true);
  }
}
