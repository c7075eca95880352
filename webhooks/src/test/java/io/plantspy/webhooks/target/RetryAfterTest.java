package io.plantspy.webhooks.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  @Test
  void readsDeltaSecondsAndHttpDates() {
    assertThat(WebhookClient.retryAfter("120")).isEqualTo(Duration.ofMinutes(2));
    String inAnHour = ZonedDateTime.now().plusHours(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(WebhookClient.retryAfter(inAnHour)).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60));
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(WebhookClient.retryAfter(null)).isNull();
    assertThat(WebhookClient.retryAfter("soon")).isNull();
    assertThat(WebhookClient.retryAfter("-5")).isNull();
  }
}
