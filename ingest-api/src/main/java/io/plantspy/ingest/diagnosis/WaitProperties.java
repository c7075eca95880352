package io.plantspy.ingest.diagnosis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a caller may wait for a result, and how the wait looks for it in MongoDB when the result is stored by
 * another instance (a result stored by this instance wakes its waiter directly, see ResultWaiters).
 *
 * @param max cap on {@code ?wait=}, also the wait of the synchronous predict endpoints
 * @param pollInitial first poll interval, while the result belongs to another instance
 * @param pollMax the interval grows by half each poll up to this
 */
@Validated
@ConfigurationProperties("plantspy.wait")
public record WaitProperties(
    @DefaultValue("30s") Duration max,
    @DefaultValue("50ms") Duration pollInitial,
    @DefaultValue("500ms") Duration pollMax) {

  public WaitProperties {
    if (max == null || pollInitial == null || pollMax == null || max.isNegative() || pollInitial.isNegative() || pollInitial.isZero() || pollMax.compareTo(pollInitial) < 0) {
      throw new IllegalArgumentException("plantspy.wait: max >= 0, poll-initial > 0 and poll-max >= poll-initial");
    }
  }
}
