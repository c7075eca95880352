package io.plantspy.ingest.security;

import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.problem.ProblemHandler;
import io.plantspy.ingest.problem.ProblemWriter;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes 401, 403 and an unreachable Keycloak (503) as problem JSON. Security filters run before any controller
 * advice, so they cannot reuse the {@code ProblemHandler} and write the body themselves.
 */
public final class ProblemSecurityResponses
    implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

  private final ProblemWriter writer;
  private final Duration retryAfter;

  public ProblemSecurityResponses(ProblemWriter writer, Duration retryAfter) {
    this.writer = writer;
    this.retryAfter = retryAfter;
  }

  /**
   * A token the API could not check is not a bad token: Spring Security reports a failure to get the realm's
   * keys (JWKS or discovery unreachable, see {@link SecurityConfig}) as an {@link AuthenticationServiceException},
   * and a refused token as any other {@link AuthenticationException}.
   */
  @Override
  public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException ex) {
    if (ex instanceof AuthenticationServiceException) {
      return writer.write(exchange.getExchange(), ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE,
          "auth-unavailable", "Authentication unavailable",
          "the token cannot be checked now: the realm's keys are unreachable; retry later"), retryAfter);
    }
    return commence(exchange.getExchange(), ex);
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    String detail = tokenSent
        ? "the bearer token was refused: " + ex.getMessage()
        : "a bearer token is required (Authorization: Bearer <token>)";
    // RFC 6750: tell the client which scheme and, for a bad token, that the token is the problem.
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
        tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
    return write(exchange, ApiProblem.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return write(exchange, ApiProblem.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "your roles do not allow " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()));
  }

  private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    return writer.write(exchange, problem);
  }
}
