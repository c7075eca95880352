package io.plantspy.jwtroles;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebFlux service's security refusals as RFC 9457 problem JSON: 401 (no or a bad token), 403 (a missing role)
 * and an unreachable realm (503 {@code auth-unavailable} with {@code Retry-After}, see {@link ReactiveKeyOutages}).
 * Security filters run before any handler, so the problem-details support of WebFlux never sees these refusals.
 */
public final class ReactiveProblemResponses
    implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

  private final JsonMapper json;
  private final Duration retryAfter;

  public ReactiveProblemResponses(JsonMapper json, Duration retryAfter) {
    this.json = json;
    this.retryAfter = retryAfter;
  }

  /** A token that could not be checked for want of the realm's keys is not a bad token: 503, retry later. */
  @Override
  public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException ex) {
    if (ex instanceof AuthenticationServiceException) {
      exchange.getExchange().getResponse().getHeaders()
          .set(HttpHeaders.RETRY_AFTER, Long.toString((retryAfter.toMillis() + 999) / 1000));
      return write(exchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, "auth-unavailable",
          "Authentication unavailable",
          "the token cannot be checked now: the realm's keys are unreachable; retry later");
    }
    return commence(exchange.getExchange(), ex);
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
        tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
    return write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", tokenSent
        ? "the bearer token was refused: " + ex.getMessage()
        : "a bearer token is required (Authorization: Bearer <token>)");
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "your roles do not allow " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath());
  }

  private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", URI.create("https://plantspy.io/problems/" + slug).toString());
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", exchange.getRequest().getPath().value());
    DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
