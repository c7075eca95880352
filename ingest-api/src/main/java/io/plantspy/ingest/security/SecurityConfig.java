package io.plantspy.ingest.security;

import io.plantspy.ingest.problem.ProblemWriter;
import io.plantspy.ingest.problem.RetryAfterProperties;
import io.plantspy.jwtroles.ReactiveKeyOutages;
import io.plantspy.jwtroles.RealmRoleConverter;
import io.plantspy.jwtroles.RealmTokenChecks;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security: Keycloak JWTs checked for signature, expiry, issuer and audience; realm roles
 * become authorities; the predict endpoints need their role, the lab endpoints the role lab; everything under /api
 * needs a token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
      ProblemWriter writer, RetryAfterProperties retryAfter) {
    ProblemSecurityResponses problems = new ProblemSecurityResponses(writer, retryAfter.unavailable());
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .cors(cors -> {})
        .authorizeExchange(ex -> ex
            // Prometheus scrapes without a realm token, as probes read health (docs/architecture.md, Observability).
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
                "/v3/api-docs",
                "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
            .pathMatchers(HttpMethod.POST, "/api/v1/predict/category").hasRole(Roles.CATEGORY)
            .pathMatchers(HttpMethod.POST, "/api/v1/predict/health").hasRole(Roles.HEALTH)
            .pathMatchers(HttpMethod.POST, "/api/v1/predict/disease").hasRole(Roles.DISEASE)
            .pathMatchers("/api/v1/lab/**").hasRole(Roles.LAB)
            .pathMatchers("/actuator/**").hasRole(Roles.ADMIN)
            .pathMatchers("/api/v1/platform/**").hasRole(Roles.ADMIN)
            .pathMatchers("/api/**").authenticated()
            .anyExchange().denyAll())
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                new ReactiveJwtAuthenticationConverterAdapter(RealmRoleConverter.namedBySubject(Roles.KNOWN))))
            .authenticationEntryPoint(problems)
            .authenticationFailureHandler(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(eh -> eh.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /**
   * The full check of a token (signature, expiry, issuer, audience). Built lazily (keys or discovery fetched on
   * first token), so the API starts while Keycloak is still starting; a Keycloak outage then shows up as 503s, not
   * as a crashed pod. A bean of its own so that tests can count the checks the cache saves.
   */
  @Bean
  SupplierReactiveJwtDecoder tokenCheck(SecurityProperties props) {
    return RealmTokenChecks.reactive(props.issuerUri(), props.jwkSetUri(),
        RealmTokenChecks.validator(props.issuerUri(), props.audience()));
  }

  /** The decoder the security chain uses: {@code tokenCheck} behind the token cache, unless the cache is off. */
  @Bean
  @Primary
  ReactiveJwtDecoder jwtDecoder(SupplierReactiveJwtDecoder tokenCheck, SecurityProperties props, Clock clock) {
    ReactiveJwtDecoder bounded = new ReactiveKeyOutages(tokenCheck, props.keysTimeout());
    SecurityProperties.TokenCache cache = props.tokenCache();
    return cache.maxSize() == 0 ? bounded
        : new CachingJwtDecoder(bounded, cache.maxSize(), cache.ttl(), clock);
  }


  @Bean
  CorsConfigurationSource corsConfigurationSource(CorsProperties props) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(props.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
    cors.setExposedHeaders(List.of("Location"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return source;
  }
}
