package io.plantspy.feeds.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeedTopicsTest {

  @Test
  void parsesTheFarmAndDeviceOfAFrameTopic() {
    assertThat(FeedTopics.parseImage("dt/plantspy/north-field/dev-1/image"))
        .contains(new FeedTopics.Source("north-field", "dev-1"));
    assertThat(FeedTopics.parseImage("dt/plantspy/north-field/dev-1/diagnosis")).isEmpty();
    assertThat(FeedTopics.parseImage("dt/plantspy/a/b/c/image")).isEmpty();
  }

  @Test
  void refusesSegmentsThatWouldWidenASubscription() {
    for (String bad : new String[] {"+", "#", "a/b", "$sys", "", "Upper"}) {
      assertThat(FeedTopics.isSegment(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> FeedTopics.diagnosis(bad, "d")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(FeedTopics.image("farm-1", "d-2")).isEqualTo("dt/plantspy/farm-1/d-2/image");
  }

  @Test
  void aPasswordMatchesOnlyItsOwnHash() {
    String password = DeviceSecrets.newPassword();
    String hash = DeviceSecrets.hash(password);
    assertThat(DeviceSecrets.matches(password, hash)).isTrue();
    assertThat(DeviceSecrets.matches(password + "x", hash)).isFalse();
    assertThat(DeviceSecrets.matches(DeviceSecrets.newPassword(), hash)).isFalse();
    assertThat(hash).doesNotContain(password);
  }
}
