package io.plantspy.ingest.problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem JSON straight to the response, for code that runs before any handler (web filters, security)
 * and so is out of the controller advice's reach.
 */
@Component
public class ProblemWriter {

  private final JsonMapper json;

  public ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    return write(exchange, problem, null);
  }

  /** Writes {@code problem} with a {@code Retry-After} of {@code retryAfter} (none when null). */
  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Duration retryAfter) {
    ServerHttpResponse response = exchange.getResponse();
    if (retryAfter != null) {
      response.getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfterProperties.seconds(retryAfter));
    }
    response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(problem.getType()));
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", exchange.getRequest().getPath().value());
    DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
