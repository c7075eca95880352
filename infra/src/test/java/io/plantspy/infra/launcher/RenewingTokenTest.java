package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RenewingTokenTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void keepsTheTokenUntilAMinuteBeforeItExpiresThenFetchesANewOne() {
    AtomicReference<Instant> now = new AtomicReference<>(NOW);
    AtomicInteger fetches = new AtomicInteger();
    RenewingToken token = new RenewingToken(jwtExpiringAt(NOW.plusSeconds(300)), () -> {
      fetches.incrementAndGet();
      return jwtExpiringAt(now.get().plusSeconds(300));
    }, now::get);
    String first = token.get();

    now.set(NOW.plusSeconds(239));
    assertThat(token.get()).isEqualTo(first);
    assertThat(fetches).hasValue(0);

    now.set(NOW.plusSeconds(240));
    String second = token.get();
    assertThat(second).isNotEqualTo(first);
    assertThat(RenewingToken.expiry(second)).isEqualTo(NOW.plusSeconds(540));
    assertThat(token.get()).isEqualTo(second);
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aTokenWithoutExpiryIsFetchedEveryTime() {
    AtomicInteger fetches = new AtomicInteger();
    RenewingToken token = new RenewingToken("opaque", () -> "opaque-" + fetches.incrementAndGet(),
        () -> NOW);
    assertThat(token.get()).isEqualTo("opaque-1");
    assertThat(token.get()).isEqualTo("opaque-2");
  }

  private static String jwtExpiringAt(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String claims = "{\"sub\":\"grower\",\"exp\":" + exp.getEpochSecond() + ",\"n\":\"" + System.nanoTime() + "\"}";
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }
}
