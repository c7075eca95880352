package io.plantspy.infra.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An access token that is fetched again shortly before it expires, for commands that run longer than a token
 * lives (a benchmark with a long warm-up, a large folder to diagnose). The expiry is read from the token's own
 * {@code exp} claim, so it follows whatever lifespan the realm gives.
 */
final class RenewingToken {

  /** What fetches a new token. */
  @FunctionalInterface
  interface Source {
    String fetch() throws Exception;
  }

  /** Renew this long before expiry: requests in flight still carry a valid token when they arrive. */
  static final Duration MARGIN = Duration.ofSeconds(60);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Source source;
  private final Supplier<Instant> now;
  private String token;
  private Instant renewAt;

  RenewingToken(String first, Source source, Supplier<Instant> now) {
    this.source = source;
    this.now = now;
    this.token = first;
    this.renewAt = renewalTime(first);
  }

  /** The current token, fetched again first when it expires within {@link #MARGIN}. */
  synchronized String get() {
    if (!now.get().isBefore(renewAt)) {
      try {
        token = source.fetch();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("could not renew the access token: " + e.getMessage(), e);
      }
      renewAt = renewalTime(token);
    }
    return token;
  }

  private static Instant renewalTime(String jwt) {
    Instant expiry = expiry(jwt);
    return expiry.equals(Instant.MIN) ? Instant.MIN : expiry.minus(MARGIN);
  }

  /** The token's {@code exp}; {@link Instant#MIN} for a token without one (not a JWT): renewed on every call. */
  static Instant expiry(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Instant.MIN;
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      JsonNode exp = claims.path("exp");
      return exp.isNumber() ? Instant.ofEpochSecond(exp.asLong()) : Instant.MIN;
    } catch (RuntimeException e) {
      return Instant.MIN;
    }
  }
}
