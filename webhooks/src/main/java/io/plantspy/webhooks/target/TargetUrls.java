package io.plantspy.webhooks.target;

import io.plantspy.address.AddressPolicy;
import io.plantspy.address.RefusedUrlException;
import io.plantspy.address.WebhookUrls;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * The service's URL rules ({@link WebhookUrls} with the configured allowlist), checked when a subscriber's URL is
 * stored. Deliveries check again when they connect (see {@link WebhookClient}), since DNS can change after the
 * subscription.
 */
@Component
public class TargetUrls {

  private final AddressPolicy policy;
  private final WebhookUrls urls;

  public TargetUrls(TargetProperties props) {
    this.policy = new AddressPolicy(props.allowedAddresses());
    this.urls = new WebhookUrls(policy);
  }

  AddressPolicy policy() {
    return policy;
  }

  /** The parsed URL, or why it is refused. Blocking: resolves the host. */
  public URI vet(String url) throws RefusedUrlException {
    return urls.vet(url);
  }
}
