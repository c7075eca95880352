package io.plantspy.ingest.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the API. Empty (the default) means no cross-origin access at all.
 *
 * @param allowedOrigins exact origins such as {@code https://app.plantspy.io}
 */
@ConfigurationProperties("plantspy.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

  public CorsProperties {
    allowedOrigins = List.copyOf(allowedOrigins);
    if (allowedOrigins.contains("*")) {
      // A wildcard with bearer tokens in browsers is how tokens leak to arbitrary sites.
      throw new IllegalArgumentException("plantspy.cors.allowed-origins must list origins, not *");
    }
  }
}
