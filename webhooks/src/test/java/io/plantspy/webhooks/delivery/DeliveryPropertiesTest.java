package io.plantspy.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DeliveryPropertiesTest {

  @Test
  void defaultsToTheEightAttemptScheduleOverAboutADay() {
    DeliveryProperties props = bind(Map.of());

    assertThat(props.schedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
        Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
        Duration.ofHours(10));
    assertThat(props.disableAfter()).isEqualTo(Duration.ofDays(5));
    assertThat(props.waitBefore(8)).isEmpty();
  }

  @Test
  void takesAScheduleFromConfiguration() {
    assertThat(bind(Map.of("plantspy.webhooks.delivery.schedule", "0s,1s")).schedule())
        .containsExactly(Duration.ZERO, Duration.ofSeconds(1));
  }

  @Test
  void refusesAnEmptyScheduleOrANegativeWait() {
    assertThatThrownBy(() -> new DeliveryProperties(List.of(), Duration.ofDays(1), Duration.ofDays(5), 1, 1,
        Duration.ofMinutes(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryProperties(List.of(Duration.ofSeconds(-1)), Duration.ofDays(1),
        Duration.ofDays(5), 1, 1, Duration.ofMinutes(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DeliveryProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("plantspy.webhooks.delivery", DeliveryProperties.class);
  }
}
