package io.plantspy.feeds.gateway.alert;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param threshold the least disease confidence that raises an alert
 * @param window one alert per device and class per window, windows aligned to the epoch
 * @param topic the Kafka topic alerts are written to, as JSON keyed by device id
 */
@Validated
@ConfigurationProperties("plantspy.feeds.alerts")
public record AlertProperties(
    @DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1") double threshold,
    @DefaultValue("1h") @NotNull Duration window,
    @DefaultValue("plantspy.alerts") @NotBlank String topic) {

  public AlertProperties {
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("plantspy.feeds.alerts.window must be positive");
    }
  }
}
