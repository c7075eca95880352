package io.plantspy.ingest.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed every check, so a client sending the same bearer token on each request pays for
 * the RSA signature check and the JSON parsing once, not per request. Only successes are cached (a forged or
 * expired token is checked every time), an entry lives at most {@code ttl}, and a cached token is refused once
 * its {@code exp} has passed.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Cache<String, Jwt> valid;
  private final Clock clock;

  CachingJwtDecoder(ReactiveJwtDecoder delegate, int maxSize, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.valid = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt cached = valid.getIfPresent(token);
    if (cached != null) {
      Instant expiresAt = cached.getExpiresAt();
      if (expiresAt == null || clock.instant().isBefore(expiresAt)) {
        return Mono.just(cached);
      }
      valid.invalidate(token);
      return Mono.error(new BadJwtException("Jwt expired at " + expiresAt));
    }
    return delegate.decode(token).doOnNext(jwt -> valid.put(token, jwt));
  }
}
