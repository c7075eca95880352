package io.plantspy.webhooks.target;

import io.plantspy.address.AddressPolicy;
import io.plantspy.address.RefusedAddressException;
import io.plantspy.address.VettingResolverGroup;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Checks a subscriber's URL before it is stored: an absolute http(s) URL without credentials or fragment whose
 * host resolves only to addresses the {@link AddressPolicy} allows. Deliveries check again when they connect (see
 * {@link WebhookClient}), since DNS can change after the subscription.
 */
@Component
public class TargetUrls {

  private final AddressPolicy policy;

  public TargetUrls(TargetProperties props) {
    this.policy = new AddressPolicy(props.allowedAddresses());
  }

  AddressPolicy policy() {
    return policy;
  }

  /** The parsed URL, or why it is refused. Blocking: resolves the host. */
  public URI vet(String url) throws RefusedTargetException {
    URI uri = parse(url);
    try {
      VettingResolverGroup.resolveVetted(policy, uri.getHost());
    } catch (RefusedAddressException e) {
      throw new RefusedTargetException("refused-address", e.getMessage() + "; webhooks go to public addresses only");
    } catch (UnknownHostException e) {
      throw new RefusedTargetException("unknown-host", "the url's host cannot be resolved: " + uri.getHost());
    } catch (Exception e) {
      throw new RefusedTargetException("unknown-host", "the url's host cannot be resolved: " + e.getMessage());
    }
    return uri;
  }

  static URI parse(String url) throws RefusedTargetException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new RefusedTargetException("bad-url", "not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedTargetException("bad-url", "a webhook URL is http or https");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new RefusedTargetException("bad-url", "a webhook URL names a host");
    }
    if (uri.getRawUserInfo() != null) {
      // Credentials in the URL would be shown back by the API and written to logs.
      throw new RefusedTargetException("bad-url", "a webhook URL carries no user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw new RefusedTargetException("bad-url", "a webhook URL has no fragment");
    }
    return uri;
  }
}
