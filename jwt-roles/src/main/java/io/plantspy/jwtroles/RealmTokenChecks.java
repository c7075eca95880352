package io.plantspy.jwtroles;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The one way the services check a realm access token: signature against the realm's keys (from a JWKS URL, or
 * from the issuer's discovery document), expiry, issuer, audience and a subject. Decoders are built lazily, on the
 * first token, so a service starts while Keycloak is still starting; an unreachable realm then surfaces per request
 * (see {@link ReactiveKeyOutages} and {@link KeyOutages}), never as a service that fails to start.
 */
public final class RealmTokenChecks {

  private RealmTokenChecks() {
  }

  /** Expiry, the issuer when one is configured, the audience, and a subject (the owner of what the caller makes). */
  public static OAuth2TokenValidator<Jwt> validator(URI issuerUri, String audience) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator());
    if (issuerUri != null) {
      validators.add(new JwtIssuerValidator(issuerUri.toString()));
    }
    validators.add(new AudienceValidator(audience));
    validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  /** For WebFlux services: keys from {@code jwkSetUri} when set, else from the issuer's discovery document. */
  public static SupplierReactiveJwtDecoder reactive(URI issuerUri, URI jwkSetUri, OAuth2TokenValidator<Jwt> validator) {
    requireKeys(issuerUri, jwkSetUri);
    return new SupplierReactiveJwtDecoder(() -> {
      NimbusReactiveJwtDecoder decoder = jwkSetUri != null
          ? NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri.toString()).build()
          : (NimbusReactiveJwtDecoder) ReactiveJwtDecoders.fromIssuerLocation(issuerUri.toString());
      decoder.setJwtValidator(validator);
      return decoder;
    });
  }

  /**
   * For servlet services: like {@link #reactive}, with the key and discovery fetches bounded by {@code keysTimeout}
   * (a blocking fetch without a timeout would hold the request thread for as long as the realm stays silent), and
   * an unreachable realm reported as {@link KeyOutages} describes.
   */
  public static JwtDecoder servlet(URI issuerUri, URI jwkSetUri, OAuth2TokenValidator<Jwt> validator,
      Duration keysTimeout) {
    requireKeys(issuerUri, jwkSetUri);
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(keysTimeout);
    requests.setReadTimeout(keysTimeout);
    RestTemplate rest = new RestTemplate(requests);
    return new KeyOutages(new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = jwkSetUri != null
          ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri.toString()).restOperations(rest).build()
          : NimbusJwtDecoder.withIssuerLocation(issuerUri.toString()).restOperations(rest).build();
      decoder.setJwtValidator(validator);
      return decoder;
    }));
  }

  private static void requireKeys(URI issuerUri, URI jwkSetUri) {
    if (issuerUri == null && jwkSetUri == null) {
      throw new IllegalArgumentException(
          "Set plantspy.security.issuer-uri or plantspy.security.jwk-set-uri: without keys no token can be checked");
    }
  }
}
