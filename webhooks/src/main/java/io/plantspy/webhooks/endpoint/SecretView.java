package io.plantspy.webhooks.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A subscription with its secret: the answer to creating it and to rotating its secret, the only times the
 * secret is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretView(@JsonUnwrapped EndpointView endpoint, String secret) {

  static SecretView of(WebhookEndpoint e) {
    return new SecretView(EndpointView.of(e), e.secret());
  }
}
