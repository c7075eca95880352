package io.plantspy.webhooks.signing;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.util.List;
import java.util.Map;

/**
 * The receiver's check of a delivery: one of the {@code webhook-signature} values must be the HMAC of
 * {@code id.timestamp.body} under the secret, and the timestamp within five minutes of now (the reference
 * library's tolerance, against replays). Used by {@code ./plantspy webhooks listen} and the tests; an integrator
 * in Java can do the same with the library directly.
 */
public final class WebhookVerifier {

  private final Webhook webhook;

  public WebhookVerifier(WebhookSecret secret) {
    try {
      this.webhook = new Webhook(secret.value());
    } catch (EmptyWebhookSecretException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Returns normally for a genuine, fresh delivery; otherwise says why it is refused. */
  public void verify(String id, String timestamp, String signature, String body) throws Refused {
    if (id == null || timestamp == null || signature == null) {
      throw new Refused("missing " + WebhookHeaders.ID + ", " + WebhookHeaders.TIMESTAMP + " or "
          + WebhookHeaders.SIGNATURE);
    }
    try {
      webhook.verify(body, Map.of(WebhookHeaders.ID, List.of(id), WebhookHeaders.TIMESTAMP, List.of(timestamp),
          WebhookHeaders.SIGNATURE, List.of(signature)));
    } catch (WebhookVerificationException e) {
      throw new Refused(e.getMessage());
    }
  }

  /** A delivery that is not from the holder of the secret, or not fresh. */
  public static final class Refused extends Exception {

    private static final long serialVersionUID = 1L;

    public Refused(String reason) {
      super(reason);
    }
  }
}
