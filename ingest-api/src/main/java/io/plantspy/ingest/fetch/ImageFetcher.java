package io.plantspy.ingest.fetch;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import io.plantspy.address.AddressPolicy;
import io.plantspy.address.RefusedAddressException;
import io.plantspy.address.VettingResolverGroup;
import io.plantspy.ingest.problem.ApiProblem;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Fetches an image from a caller-supplied URL without becoming an SSRF proxy: http(s) only, every hop's host
 * resolved and vetted (also at connect time, see {@link VettingResolverGroup}), redirects followed by hand with
 * the same checks, timeouts on connect, silence and the whole fetch, a byte cap enforced while streaming, and
 * only {@code image/*} responses accepted.
 *
 * <p>Problems: 400 malformed or non-http(s) URL; 422 refused address, unresolvable host, too many redirects or
 * a non-image response; 413 over the size cap; 502 the server failed or answered an error; 504 it timed out.
 */
public final class ImageFetcher {

  private final FetchProperties props;
  private final AddressPolicy policy;
  private final long maxBytes;
  private final HttpClient client;

  public ImageFetcher(FetchProperties props, long maxBytes) {
    this.props = props;
    this.policy = new AddressPolicy(props.allowedAddresses());
    this.maxBytes = maxBytes;
    this.client = HttpClient.create()
        .resolver(new VettingResolverGroup(policy))
        .followRedirect(false)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) props.connectTimeout().toMillis())
        .responseTimeout(props.readTimeout())
        .headers(h -> h.set(HttpHeaderNames.ACCEPT, "image/jpeg, image/png, image/webp")
            .set(HttpHeaderNames.USER_AGENT, "PlantSpy-ImageFetcher/1"));
  }

  public Mono<FetchedImage> fetch(String url) {
    return Mono.fromCallable(() -> parse(url))
        .flatMap(uri -> hop(uri, 0))
        .timeout(props.totalTimeout())
        .onErrorMap(e -> !(e instanceof ApiProblem), ImageFetcher::toProblem);
  }

  private Mono<FetchedImage> hop(URI uri, int redirects) {
    return Mono.fromCallable(() -> VettingResolverGroup.resolveVetted(policy, uri.getHost()))
        .subscribeOn(Schedulers.boundedElastic())
        .then(client.get().uri(uri).response((response, body) -> read(uri, response, body)).next())
        .flatMap(outcome -> {
          if (outcome.image() != null) {
            return Mono.just(outcome.image());
          }
          if (redirects >= props.maxRedirects()) {
            return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "too-many-redirects",
                "Too many redirects", "the image URL redirected more than " + props.maxRedirects() + " times"));
          }
          return hop(outcome.redirect(), redirects + 1);
        });
  }

  /** Either the image or where the server redirected to. */
  private record Outcome(FetchedImage image, URI redirect) {}

  private Mono<Outcome> read(URI uri, HttpClientResponse response, ByteBufFlux body) {
    int status = response.status().code();
    if (status >= 300 && status < 400 && response.responseHeaders().contains(HttpHeaderNames.LOCATION)) {
      String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
      return Mono.fromCallable(() -> new Outcome(null, parse(uri.resolve(location).toString())));
    }
    if (status < 200 || status >= 300) {
      return Mono.error(new ApiProblem(HttpStatus.BAD_GATEWAY, "image-url-failed", "Image URL failed",
          "the image URL answered HTTP " + status));
    }
    String contentType = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, "");
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("image/")) {
      return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-an-image", "Not an image",
          "the image URL served '" + (contentType.isEmpty() ? "no content type" : contentType)
              + "', not an image/* type"));
    }
    String declaredLength = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
    if (declaredLength != null && parseLong(declaredLength) > maxBytes) {
      return Mono.error(tooLarge());
    }
    String finalUrl = uri.toString();
    return body.asByteArray()
        .reduce(new ByteArrayOutputStream(), (out, chunk) -> {
          // Checked per chunk so a server that lies about (or omits) its length cannot fill the heap.
          if (out.size() + (long) chunk.length > maxBytes) {
            throw tooLarge();
          }
          out.write(chunk, 0, chunk.length);
          return out;
        })
        .defaultIfEmpty(new ByteArrayOutputStream())
        .map(out -> new Outcome(new FetchedImage(out.toByteArray(), contentType, finalUrl), null));
  }

  private ApiProblem tooLarge() {
    return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "Image too large",
        "the image URL serves more than " + maxBytes + " bytes");
  }

  static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw badUrl("the request has no url");
    }
    URI uri;
    try {
      uri = new URI(url.trim()).normalize();
    } catch (URISyntaxException e) {
      throw badUrl("the url is malformed: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw badUrl("only http and https URLs are fetched, not '" + scheme + "'");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw badUrl("the url needs a host and must not carry credentials");
    }
    try {
      IDN.toASCII(uri.getHost());
    } catch (IllegalArgumentException e) {
      throw badUrl("the url's host is not a valid name");
    }
    return uri;
  }

  private static ApiProblem badUrl(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-url", "Bad URL", detail);
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static ApiProblem toProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiProblem p) {
        return p;
      }
      if (t instanceof RefusedAddressException r) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "refused-address", "Refused address",
            r.getMessage() + "; only public addresses are fetched", e);
      }
      if (t instanceof java.net.UnknownHostException u) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-host", "Unknown host",
            "the url's host cannot be resolved: " + u.getMessage(), e);
      }
      if (t instanceof TimeoutException || t instanceof ReadTimeoutException || t instanceof ConnectTimeoutException) {
        return new ApiProblem(HttpStatus.GATEWAY_TIMEOUT, "image-url-timeout", "Image URL timed out",
            "the image URL did not answer in time", e);
      }
    }
    return new ApiProblem(HttpStatus.BAD_GATEWAY, "image-url-failed", "Image URL failed",
        "the image could not be fetched: " + e.getClass().getSimpleName(), e);
  }
}
