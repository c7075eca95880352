package io.plantspy.address;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a URL a caller wants events pushed to (a webhook subscription, a one-off callback) before it is
 * accepted: an absolute http(s) URL without credentials or fragment whose host resolves only to addresses the
 * {@link AddressPolicy} allows. Whoever delivers checks again when connecting ({@link VettingResolverGroup}),
 * since DNS can change after the URL was accepted.
 */
public final class WebhookUrls {

  private final AddressPolicy policy;

  public WebhookUrls(AddressPolicy policy) {
    this.policy = policy;
  }

  /** The parsed URL, or why it is refused. Blocking: resolves the host. */
  public URI vet(String url) throws RefusedUrlException {
    URI uri = parse(url);
    try {
      VettingResolverGroup.resolveVetted(policy, uri.getHost());
    } catch (RefusedAddressException e) {
      throw new RefusedUrlException("refused-address", e.getMessage() + "; webhooks go to public addresses only");
    } catch (UnknownHostException e) {
      throw new RefusedUrlException("unknown-host", "the url's host cannot be resolved: " + uri.getHost());
    } catch (Exception e) {
      throw new RefusedUrlException("unknown-host", "the url's host cannot be resolved: " + e.getMessage());
    }
    return uri;
  }

  public static URI parse(String url) throws RefusedUrlException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new RefusedUrlException("bad-url", "not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedUrlException("bad-url", "a webhook URL is http or https");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new RefusedUrlException("bad-url", "a webhook URL names a host");
    }
    if (uri.getRawUserInfo() != null) {
      // Credentials in the URL would be shown back by the API and written to logs.
      throw new RefusedUrlException("bad-url", "a webhook URL carries no user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw new RefusedUrlException("bad-url", "a webhook URL has no fragment");
    }
    return uri;
  }
}
