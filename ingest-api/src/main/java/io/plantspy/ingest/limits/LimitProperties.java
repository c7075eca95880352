package io.plantspy.ingest.limits;

import io.plantspy.ingest.config.Durations;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one API instance takes on at once. Beyond a per-caller limit the caller gets 429, beyond a total limit
 * everybody gets 503, both with {@code Retry-After}; neither reads the request body first. The defaults keep the
 * launcher's heap (-Xmx768m) safe with the largest images; RELIABILITY.md has the measurements.
 *
 * @param uploadBytes request bodies of uploads in flight, counted by their Content-Length (the image cap when
 *     they declare none) from the first byte to the answer; the heap holds up to about three copies of a body
 *     while it is vetted, so keep this well under a third of the heap
 * @param uploadBytesPerCaller of those, for one caller
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
    @DefaultValue("160MB") DataSize uploadBytes,
    @DefaultValue("64MB") DataSize uploadBytesPerCaller,
    @DefaultValue("8") @Positive int fetches,
    @DefaultValue("2") @Positive int fetchesPerCaller,
    @DefaultValue("2000") @Positive int waiters,
    @DefaultValue("200") @Positive int waitersPerCaller,
    @DefaultValue("20s") Duration readTimeout,
    @DefaultValue("2m") Duration requestTimeout) {

  public LimitProperties {
    if (uploadBytes == null || uploadBytes.toBytes() <= 0 || uploadBytesPerCaller == null
        || uploadBytesPerCaller.toBytes() <= 0) {
      throw new IllegalArgumentException("plantspy.limits.upload-bytes and upload-bytes-per-caller must be positive");
    }
    Durations.requirePositive("plantspy.limits.read-timeout", readTimeout);
    Durations.requirePositive("plantspy.limits.request-timeout", requestTimeout);
  }
}
