package io.plantspy.webhooks.signing;

/** The three headers of a Standard Webhooks request. */
public final class WebhookHeaders {

  /** The message id, the same on every attempt: receivers deduplicate by it. */
  public static final String ID = "webhook-id";
  /** Unix seconds of this attempt, signed with the body so an old request cannot be replayed later. */
  public static final String TIMESTAMP = "webhook-timestamp";
  /** One or more space-separated {@code v1,<base64>} signatures (several while a secret is being rotated). */
  public static final String SIGNATURE = "webhook-signature";

  private WebhookHeaders() {}
}
