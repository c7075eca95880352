package io.plantspy.feeds.gateway.security;

import io.plantspy.jwtroles.AudienceValidator;
import io.plantspy.jwtroles.RealmRoleConverter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security, as in the other services: every {@code /api} call needs a valid realm token
 * (what the caller may see is checked by each feature: own devices, or all for admin), the actuator beyond health
 * needs admin, anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, JsonMapper json) {
    ProblemSecurityResponses problems = new ProblemSecurityResponses(json);
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .authorizeExchange(ex -> ex
            .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .pathMatchers("/actuator/**").hasRole(Roles.ADMIN)
            .pathMatchers("/api/**").authenticated()
            .anyExchange().denyAll())
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                new ReactiveJwtAuthenticationConverterAdapter(RealmRoleConverter.namedBySubject(Roles.KNOWN))))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(eh -> eh.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /** Built lazily (keys fetched on the first token), so the service starts while Keycloak is still starting. */
  @Bean
  ReactiveJwtDecoder jwtDecoder(SecurityProperties props) {
    return new SupplierReactiveJwtDecoder(() -> {
      NimbusReactiveJwtDecoder decoder = props.jwkSetUri() != null
          ? NimbusReactiveJwtDecoder.withJwkSetUri(props.jwkSetUri().toString()).build()
          : (NimbusReactiveJwtDecoder) ReactiveJwtDecoders.fromIssuerLocation(props.issuerUri().toString());
      List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
      validators.add(new JwtTimestampValidator());
      if (props.issuerUri() != null) {
        validators.add(new JwtIssuerValidator(props.issuerUri().toString()));
      }
      validators.add(new AudienceValidator(props.audience()));
      decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
      return decoder;
    });
  }
}
