package io.plantspy.ingest.callback;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which callback URLs a diagnosis request may name.
 *
 * @param allowedAddresses CIDR blocks exempt from the private-address refusal (the local platform allows
 *     loopback, as the webhooks service does); empty in production
 */
@Validated
@ConfigurationProperties("plantspy.callbacks")
public record CallbackProperties(@DefaultValue List<String> allowedAddresses) {

  public CallbackProperties {
    allowedAddresses = List.copyOf(allowedAddresses);
  }
}
