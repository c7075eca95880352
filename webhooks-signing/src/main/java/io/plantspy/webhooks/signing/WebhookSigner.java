package io.plantspy.webhooks.signing;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signs a webhook body the Standard Webhooks way: {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body}
 * under each given secret, space-separated, so a receiver holding either the old or the new secret during a
 * rotation accepts it.
 */
public final class WebhookSigner {

  private WebhookSigner() {}

  /** The {@code webhook-signature} value for this attempt, one signature per secret, in the given order. */
  public static String sign(String id, long timestampSeconds, String body, List<WebhookSecret> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret signs");
    }
    return secrets.stream().map(secret -> signOne(id, timestampSeconds, body, secret))
        .collect(Collectors.joining(" "));
  }

  private static String signOne(String id, long timestampSeconds, String body, WebhookSecret secret) {
    try {
      return new Webhook(secret.value()).sign(id, timestampSeconds, body);
    } catch (EmptyWebhookSecretException | WebhookSigningException e) {
      // WebhookSecret already refused empty keys; HmacSHA256 is in every JDK.
      throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
    }
  }
}
