package io.plantspy.trainerservice.security;

import io.plantspy.jwtroles.AudienceValidator;
import io.plantspy.jwtroles.RealmRoleConverter;
import io.plantspy.jwtroles.RealmRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: reading runs and releases needs the role admin or lab, starting a run and
 * promoting a release the role admin; the actuator's health is open, the rest of it admin-only.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  private static final String ADMIN_API = "/api/v1/admin/**";
  /** {@code admin} runs and promotes, {@code lab} may look; runs are recorded under Keycloak's user name. */
  private static final Set<String> KNOWN_ROLES = Set.of(RealmRoles.ADMIN, RealmRoles.LAB);

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
    ProblemSecurityResponses problems = new ProblemSecurityResponses();
    return http
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
            .requestMatchers(HttpMethod.GET, ADMIN_API).hasAnyRole(RealmRoles.ADMIN, RealmRoles.LAB)
            .requestMatchers(ADMIN_API).hasRole(RealmRoles.ADMIN)
            .requestMatchers("/actuator/**").hasRole(RealmRoles.ADMIN)
            .requestMatchers("/api/**").authenticated()
            .anyRequest().denyAll())
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.decoder(decoder)
                .jwtAuthenticationConverter(RealmRoleConverter.namedByUsername(KNOWN_ROLES)))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(eh -> eh.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /** Built on first use (keys or discovery fetched then), so the service starts while Keycloak is starting. */
  @Bean
  JwtDecoder jwtDecoder(SecurityProperties props) {
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = props.jwkSetUri() != null
          ? NimbusJwtDecoder.withJwkSetUri(props.jwkSetUri().toString()).build()
          : (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(props.issuerUri().toString());
      decoder.setJwtValidator(validator(props));
      return decoder;
    });
  }

  static OAuth2TokenValidator<Jwt> validator(SecurityProperties props) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator());
    if (props.issuerUri() != null) {
      validators.add(new JwtIssuerValidator(props.issuerUri().toString()));
    }
    validators.add(new AudienceValidator(props.audience()));
    return new DelegatingOAuth2TokenValidator<>(validators);
  }
}
