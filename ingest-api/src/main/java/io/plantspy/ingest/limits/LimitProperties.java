package io.plantspy.ingest.limits;

import io.plantspy.ingest.config.Durations;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much one API instance takes on at once. Beyond a per-caller limit the caller gets 429, beyond a total limit
 * everybody gets 503, both with {@code Retry-After}; neither reads the request body first. The defaults keep the
 * launcher's heap (-Xmx768m) safe with the largest images; see RELIABILITY.md for the measurements.
 *
 * @param uploads image uploads in flight (from the first byte of the body to the answer); each may hold a few
 *     copies of an image of up to {@code plantspy.images.max-size}
 * @param uploadsPerCaller of those, for one caller
 * @param fetches diagnoses from a URL in flight, each holding up to one image
 * @param fetchesPerCaller of those, for one caller
 * @param waiters callers waiting for a result ({@code ?wait=} and the predict endpoints); each holds a connection
 *     and a few small objects
 * @param waitersPerCaller of those, for one caller
 * @param readTimeout longest silence while a request (headers or body) is being received: ends slow-loris
 *     connections
 * @param requestTimeout longest a request may take to arrive in full, however steadily it trickles
 */
@Validated
@ConfigurationProperties("plantspy.limits")
public record LimitProperties(
    @DefaultValue("8") @Positive int uploads,
    @DefaultValue("2") @Positive int uploadsPerCaller,
    @DefaultValue("16") @Positive int fetches,
    @DefaultValue("4") @Positive int fetchesPerCaller,
    @DefaultValue("2000") @Positive int waiters,
    @DefaultValue("200") @Positive int waitersPerCaller,
    @DefaultValue("20s") Duration readTimeout,
    @DefaultValue("2m") Duration requestTimeout) {

  public LimitProperties {
    Durations.requirePositive("plantspy.limits.read-timeout", readTimeout);
    Durations.requirePositive("plantspy.limits.request-timeout", requestTimeout);
  }
}
