package io.plantspy.webhooks.signing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

  private static final String BODY = "{\"type\":\"diagnosis.completed\",\"timestamp\":\"2026-11-28T12:00:00Z\",\"data\":{}}";

  private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom(), 32);
  private final WebhookVerifier verifier = new WebhookVerifier(secret);

  @Test
  void acceptsAGenuineFreshDelivery() {
    long now = Instant.now().getEpochSecond();
    String signature = WebhookSigner.sign("msg_1", now, BODY, List.of(secret));

    assertThatCode(() -> verifier.verify("msg_1", Long.toString(now), signature, BODY)).doesNotThrowAnyException();
  }

  @Test
  void acceptsARotationHeaderWhenOneOfItsSignaturesIsUnderItsSecret() {
    long now = Instant.now().getEpochSecond();
    WebhookSecret other = WebhookSecret.generate(new SecureRandom(), 32);
    String signature = WebhookSigner.sign("msg_1", now, BODY, List.of(other, secret));

    assertThatCode(() -> verifier.verify("msg_1", Long.toString(now), signature, BODY)).doesNotThrowAnyException();
  }

  @Test
  void rejectsAForgedSignature() {
    long now = Instant.now().getEpochSecond();
    String forged = WebhookSigner.sign("msg_1", now, BODY, List.of(WebhookSecret.generate(new SecureRandom(), 32)));

    assertThatThrownBy(() -> verifier.verify("msg_1", Long.toString(now), forged, BODY))
        .isInstanceOf(WebhookVerifier.Refused.class);
  }

  @Test
  void rejectsABodyChangedAfterSigning() {
    long now = Instant.now().getEpochSecond();
    String signature = WebhookSigner.sign("msg_1", now, BODY, List.of(secret));

    assertThatThrownBy(() -> verifier.verify("msg_1", Long.toString(now), signature, BODY.replace("completed",
        "failed"))).isInstanceOf(WebhookVerifier.Refused.class);
  }

  @Test
  void rejectsATimestampMoreThanFiveMinutesOldOrAhead() {
    for (long offset : new long[] {-6 * 60, 6 * 60}) {
      long then = Instant.now().getEpochSecond() + offset;
      String signature = WebhookSigner.sign("msg_1", then, BODY, List.of(secret));

      assertThatThrownBy(() -> verifier.verify("msg_1", Long.toString(then), signature, BODY))
          .as("offset %d s", offset).isInstanceOf(WebhookVerifier.Refused.class);
    }
  }

  @Test
  void rejectsARequestWithoutTheHeaders() {
    assertThatThrownBy(() -> verifier.verify(null, null, null, BODY)).isInstanceOf(WebhookVerifier.Refused.class);
  }
}
