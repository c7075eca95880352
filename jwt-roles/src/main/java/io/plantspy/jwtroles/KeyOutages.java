package io.plantspy.jwtroles;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The servlet twin of {@link ReactiveKeyOutages}: a failed discovery ({@link JwtDecoderInitializationException}, a
 * plain runtime exception Spring Security would let through as a 500) becomes a {@link JwtException}, which the
 * resource server reports as an {@code AuthenticationServiceException} — a service failure, not a bad token. A key
 * fetch that fails or times out already arrives as a {@code JwtException}. A token that does not parse as a JWT is
 * refused ({@link BadJwtException}, 401) before any key is asked for.
 */
final class KeyOutages implements JwtDecoder {

  private final JwtDecoder delegate;

  KeyOutages(JwtDecoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public Jwt decode(String token) {
    try {
      JWTParser.parse(token);
    } catch (ParseException e) {
      throw new BadJwtException("the bearer token is not a JWT: " + e.getMessage(), e);
    }
    try {
      return delegate.decode(token);
    } catch (JwtDecoderInitializationException e) {
      throw new JwtException("the realm's keys are unavailable: " + e.getMessage(), e);
    }
  }
}
