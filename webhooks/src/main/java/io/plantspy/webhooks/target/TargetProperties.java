package io.plantspy.webhooks.target;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The receivers webhooks may go to, and how long one attempt may take.
 *
 * @param allowedAddresses CIDR blocks (e.g. {@code 127.0.0.1/32}) exempt from the private-address refusal; empty
 *     in production, loopback on the local platform
 * @param connectTimeout TCP connect timeout of one attempt
 * @param timeout the whole attempt, from connecting to the end of the response's headers; past it the attempt
 *     failed (Standard Webhooks: 15 to 30 s)
 */
@Validated
@ConfigurationProperties("plantspy.webhooks.target")
public record TargetProperties(
    @DefaultValue List<String> allowedAddresses,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("15s") Duration timeout) {

  public TargetProperties {
    allowedAddresses = List.copyOf(allowedAddresses);
    if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("plantspy.webhooks.target timeouts must be positive");
    }
  }
}
