package io.plantspy.webhooks.target;

import java.time.Duration;

/**
 * What one attempt to post a webhook came to.
 *
 * @param statusCode the receiver's HTTP status, or null when no answer came (refused address, connection error,
 *     timeout)
 * @param retryAfter the receiver's {@code Retry-After} on 429 or 503, else null
 * @param error why there was no answer, else null
 * @param latencyMillis from the start of the attempt to its answer or failure
 */
public record AttemptOutcome(Integer statusCode, Duration retryAfter, String error, long latencyMillis) {

  /** Any 2xx; a 3xx is a failure (redirects are not followed: the subscriber registers the final URL). */
  public boolean delivered() {
    return statusCode != null && statusCode >= 200 && statusCode < 300;
  }

  /** 410 Gone: the receiver says this endpoint no longer exists. */
  public boolean gone() {
    return statusCode != null && statusCode == 410;
  }
}
