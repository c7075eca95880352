package io.plantspy.ingest.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser origins allowed to call the API. Empty (the default) means no cross-origin access at all.
 *
 * @param allowedOrigins exact origins such as {@code https://app.plantspy.io}
 */
@ConfigurationProperties("plantspy.cors")
public record CorsProperties(List<String> allowedOrigins) {

  public CorsProperties {
    allowedOrigins = allowedOrigins != null ? List.copyOf(allowedOrigins) : List.of();
    if (allowedOrigins.contains("*")) {
      // A wildcard with bearer tokens in browsers is how tokens leak to arbitrary sites.
      throw new IllegalArgumentException("plantspy.cors.allowed-origins must list origins, not *");
    }
  }
}
