package io.plantspy.webhooks.security;

import io.plantspy.jwtroles.ReactiveKeyOutages;
import io.plantspy.jwtroles.ReactiveProblemResponses;
import io.plantspy.jwtroles.RealmRoleConverter;
import io.plantspy.jwtroles.RealmTokenChecks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security: every {@code /api} call needs a valid realm token (subscribing to
 * {@code model.promoted} also the role admin, checked by the endpoint feature), the actuator beyond health needs
 * admin, anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, JsonMapper json,
      SecurityProperties props) {
    ReactiveProblemResponses problems = new ReactiveProblemResponses(json, props.unavailableRetryAfter());
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .authorizeExchange(ex -> ex
            // Prometheus scrapes without a realm token, as probes read health (docs/architecture.md, Observability).
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs",
                "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
            .pathMatchers("/actuator/**").hasRole(Roles.ADMIN)
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

  /** Built lazily (keys fetched on the first token), so the service starts while Keycloak is still starting. */
  @Bean
  ReactiveJwtDecoder jwtDecoder(SecurityProperties props) {
    return new ReactiveKeyOutages(RealmTokenChecks.reactive(props.issuerUri(), props.jwkSetUri(),
        RealmTokenChecks.validator(props.issuerUri(), props.audience())), props.keysTimeout());
  }
}
