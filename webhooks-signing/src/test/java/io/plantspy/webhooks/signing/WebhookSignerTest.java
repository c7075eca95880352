package io.plantspy.webhooks.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  @Test
  void reproducesTheSpecificationsPublishedTestVector() {
    // The Standard Webhooks specification's example: secret, message id, timestamp and body with its signature.
    WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    String signature = WebhookSigner.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}",
        List.of(secret));

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void signsOncePerSecretSpaceSeparatedDuringARotation() {
    WebhookSecret old = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    WebhookSecret fresh = WebhookSecret.generate(new SecureRandom(), 32);

    String both = WebhookSigner.sign("msg_1", 1614265330L, "{}", List.of(fresh, old));

    assertThat(both.split(" ")).containsExactly(
        WebhookSigner.sign("msg_1", 1614265330L, "{}", List.of(fresh)),
        WebhookSigner.sign("msg_1", 1614265330L, "{}", List.of(old)));
  }

  @Test
  void generatesPrefixedBase64SecretsOfTheAskedLength() {
    WebhookSecret secret = WebhookSecret.generate(new SecureRandom(), 32);

    assertThat(secret.value()).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.value().substring(6))).hasSize(32);
    assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
  }

  @Test
  void refusesSecretsOutsideTwentyFourToSixtyFourBytes() {
    assertThatThrownBy(() -> WebhookSecret.generate(new SecureRandom(), 16))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[65])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
