package io.plantspy.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CachingJwtDecoderTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private final AtomicInteger checks = new AtomicInteger();
  // Stands in for the signature/claims check: "good-*" tokens pass and expire 5 minutes from NOW.
  private final ReactiveJwtDecoder checking = token -> {
    checks.incrementAndGet();
    return token.startsWith("good")
        ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("alice")
            .issuedAt(NOW).expiresAt(NOW.plusSeconds(300)).build())
        : Mono.error(new BadJwtException("bad signature"));
  };

  @Test
  void checksAValidTokenOnceAndThenAnswersFromTheCache() {
    CachingJwtDecoder decoder = new CachingJwtDecoder(checking, 100, Duration.ofMinutes(1), clockAt(NOW));
    assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("alice");
    assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("alice");
    assertThat(checks).hasValue(1);
  }

  @Test
  void checksARefusedTokenEveryTime() {
    CachingJwtDecoder decoder = new CachingJwtDecoder(checking, 100, Duration.ofMinutes(1), clockAt(NOW));
    StepVerifier.create(decoder.decode("forged")).expectError(BadJwtException.class).verify();
    StepVerifier.create(decoder.decode("forged")).expectError(BadJwtException.class).verify();
    assertThat(checks).hasValue(2);
  }

  @Test
  void refusesACachedTokenOnceItHasExpired() {
    MutableClock clock = new MutableClock(NOW);
    CachingJwtDecoder decoder = new CachingJwtDecoder(checking, 100, Duration.ofHours(1), clock);
    decoder.decode("good-2").block();
    clock.set(NOW.plusSeconds(301));
    StepVerifier.create(decoder.decode("good-2")).expectErrorMatches(e -> e instanceof BadJwtException
        && e.getMessage().contains("expired")).verify();
  }

  private static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }
}
