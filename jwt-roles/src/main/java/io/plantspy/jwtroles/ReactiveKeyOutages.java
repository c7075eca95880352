package io.plantspy.jwtroles;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Reports an unreachable realm as what Spring Security calls a service failure rather than a bad token: a failed
 * discovery ({@link JwtDecoderInitializationException}, which Spring Security leaves unmapped, a 500) and a key
 * fetch that does not answer within {@code timeout} (the JWKS client has no timeout of its own) both become a
 * plain {@link JwtException}, which the resource server turns into an {@code AuthenticationServiceException}
 * and the service's security responses into 503. Refused tokens ({@code BadJwtException}) pass through unchanged,
 * and a token that does not parse as a JWT is refused before any key is asked for.
 */
public final class ReactiveKeyOutages implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Duration timeout;

  public ReactiveKeyOutages(ReactiveJwtDecoder delegate, Duration timeout) {
    this.delegate = delegate;
    this.timeout = timeout;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    try {
      // A token that is not even a JWT is refused whether or not the keys can be had (with discovery, the
      // parser itself waits for them).
      JWTParser.parse(token);
    } catch (ParseException e) {
      return Mono.error(new BadJwtException("the bearer token is not a JWT: " + e.getMessage(), e));
    }
    return Mono.defer(() -> delegate.decode(token))
        .timeout(timeout)
        .onErrorMap(e -> e instanceof JwtDecoderInitializationException || e instanceof TimeoutException,
            e -> new JwtException("the realm's keys are unavailable: " + e.getMessage(), e));
  }
}
