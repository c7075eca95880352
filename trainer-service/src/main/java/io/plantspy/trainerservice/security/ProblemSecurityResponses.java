package io.plantspy.trainerservice.security;

import io.plantspy.trainerservice.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and an unreachable realm (503 with {@code Retry-After}) as RFC 9457 problem JSON, like every other
 * error of the service.
 */
final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler,
    AuthenticationFailureHandler {

  private final JsonMapper json = JsonMapper.builder().build();
  private final Duration retryAfter;

  ProblemSecurityResponses(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  /** A token that could not be checked for want of the realm's keys is not a bad token: 503, retry later. */
  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    if (e instanceof AuthenticationServiceException) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString((retryAfter.toMillis() + 999) / 1000));
      write(response, ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "auth-unavailable",
          "Authentication unavailable",
          "the token cannot be checked now: the realm's keys are unreachable; retry later"));
      return;
    }
    commence(request, response, e);
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    write(response, ApiProblem.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
        "a valid bearer token from the plantspy realm is needed: " + e.getMessage()));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, ApiProblem.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "your roles do not allow " + request.getMethod() + " " + request.getRequestURI()));
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
