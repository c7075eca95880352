package io.plantspy.ingest.web;

import io.plantspy.ingest.limits.ConcurrencyLimits;
import io.plantspy.ingest.limits.Permits;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.problem.ProblemWriter;
import io.plantspy.ingest.problem.RetryAfterProperties;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes what a submission needs from the budgets before a byte of its body is read (its upload's bytes or a URL
 * fetch, and a waiter when it will wait for its result) and gives it back when the exchange ends, however it ends. Without a permit
 * the caller gets 429 (its own limit) or 503 (the instance's), with {@code Retry-After}. Runs after security, so
 * the caller is known.
 */
@Component
class ConcurrencyFilter implements WebFilter {

  private static final String DIAGNOSES = "/api/v1/diagnoses";
  private static final String PREDICT = "/api/v1/predict/";

  private final ConcurrencyLimits limits;
  private final ProblemWriter writer;
  private final Duration retryAfter;
  private final BodyCaps caps;

  ConcurrencyFilter(ConcurrencyLimits limits, ProblemWriter writer, RetryAfterProperties retryAfter,
      BodyCaps caps) {
    this.limits = limits;
    this.caps = caps;
    this.writer = writer;
    this.retryAfter = retryAfter.busy();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Map<Permits, Long> needed = needed(exchange.getRequest());
    if (needed.isEmpty()) {
      return chain.filter(exchange);
    }
    return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("").flatMap(caller -> {
      List<Permits.Permit> held = new ArrayList<>(needed.size());
      for (Map.Entry<Permits, Long> need : needed.entrySet()) {
        Permits permits = need.getKey();
        Permits.Outcome outcome = permits.tryAcquire(caller, need.getValue());
        if (outcome.permit() == null) {
          held.forEach(Permits.Permit::close);
          return refuse(exchange, permits, outcome.refusal());
        }
        held.add(outcome.permit());
      }
      return chain.filter(exchange).doFinally(signal -> held.forEach(Permits.Permit::close));
    });
  }

  /** What the request takes from each budget: its body's bytes for an upload, one for a fetch or a wait. */
  private Map<Permits, Long> needed(ServerHttpRequest request) {
    String path = request.getPath().pathWithinApplication().value();
    boolean predict = path.startsWith(PREDICT);
    boolean lab = path.equals(BodyCaps.LAB_UPLOADS);
    if (!HttpMethod.POST.equals(request.getMethod()) || !(predict || lab || path.equals(DIAGNOSES))) {
      return Map.of();
    }
    long maxBody = caps.forPath(path);
    Map<Permits, Long> needed = new LinkedHashMap<>();
    MediaType type = request.getHeaders().getContentType();
    if (!lab && type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
      needed.put(limits.fetches(), 1L);
    } else {
      long length = request.getHeaders().getContentLength();
      // Without a declared length the body may be as large as CountedBodies lets it be.
      needed.put(limits.uploads(), length < 0 ? maxBody : Math.min(length, maxBody));
    }
    if (predict || waits(request.getQueryParams().getFirst("wait"))) {
      needed.put(limits.waiters(), 1L);
    }
    return needed;
  }

  private static boolean waits(String wait) {
    try {
      return !WaitParameter.parse(wait, Duration.ofDays(1)).isZero();
    } catch (ApiProblem badWait) {
      return false; // the controller answers the 400
    }
  }

  private Mono<Void> refuse(ServerWebExchange exchange, Permits permits, Permits.Refusal refusal) {
    if (refusal == Permits.Refusal.CALLER_LIMIT) {
      return writer.write(exchange, ApiProblem.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
          "Too many requests", "you have as many " + permits.name() + " in flight as one caller may; retry when "
              + "one has finished"), retryAfter);
    }
    return writer.write(exchange, ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
        "this instance is at its limit of " + permits.name() + "; retry later"), retryAfter);
  }
}
