package io.plantspy.ingest.fetch;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on fetching an image from a caller-supplied URL (SSRF guard).
 *
 * @param connectTimeout TCP connect timeout per hop
 * @param readTimeout longest silence while waiting for a response
 * @param totalTimeout cap on the whole fetch, redirects included (guards against a slow drip)
 * @param maxRedirects redirects followed, each re-vetted
 * @param allowedAddresses CIDR blocks (e.g. {@code 127.0.0.1/32}) exempt from the private-address refusal;
 *     empty in production
 */
@Validated
@ConfigurationProperties("plantspy.fetch")
public record FetchProperties(
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("15s") Duration totalTimeout,
    @DefaultValue("3") int maxRedirects,
    @DefaultValue List<String> allowedAddresses) {

  public FetchProperties {
    allowedAddresses = List.copyOf(allowedAddresses);
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("plantspy.fetch.max-redirects must be >= 0");
    }
  }
}
