package io.plantspy.ingest.web;

import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.problem.ProblemWriter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a POST whose declared Content-Length is beyond its cap ({@link BodyCaps}) before a byte of it is read, so
 * an oversized upload costs no memory. Bodies without a length, or lying about it, are capped while they stream by
 * {@link CountedBodies}.
 */
@Component
class UploadSizeFilter implements WebFilter {

  /** Room for multipart headers and boundaries around the image. */
  static final long ENVELOPE = 64 * 1024;

  private final BodyCaps caps;
  private final ProblemWriter writer;

  UploadSizeFilter(BodyCaps caps, ProblemWriter writer) {
    this.writer = writer;
    this.caps = caps;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    long limit = caps.forPath(exchange.getRequest().getPath().pathWithinApplication().value());
    if (HttpMethod.POST.equals(exchange.getRequest().getMethod()) && length > limit) {
      return writer.write(exchange, ApiProblem.problem(HttpStatus.CONTENT_TOO_LARGE, "image-too-large",
          "Image too large", "the request body of " + length + " bytes is above the limit of " + limit + " bytes"));
    }
    return chain.filter(exchange);
  }
}
