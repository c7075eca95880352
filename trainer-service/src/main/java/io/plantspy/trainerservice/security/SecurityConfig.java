package io.plantspy.trainerservice.security;

import io.plantspy.jwtroles.RealmRoleConverter;
import io.plantspy.jwtroles.RealmRoles;
import io.plantspy.jwtroles.RealmSecurityProperties;
import io.plantspy.jwtroles.RealmTokenChecks;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: reading runs and releases needs the role admin or lab, starting a run and
 * promoting a release the role admin; the actuator's health is open, the rest of it admin-only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealmSecurityProperties.class)
public class SecurityConfig {

  private static final String ADMIN_API = "/api/v1/admin/**";
  /** {@code admin} runs and promotes, {@code lab} may look; runs are recorded under Keycloak's user name. */
  private static final Set<String> KNOWN_ROLES = Set.of(RealmRoles.ADMIN, RealmRoles.LAB);

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder, RealmSecurityProperties props)
      throws Exception {
    ProblemSecurityResponses problems = new ProblemSecurityResponses(props.unavailableRetryAfter());
    return http
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth
            // Prometheus scrapes without a realm token, as probes read health (docs/architecture.md, Observability).
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs",
                "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
            .requestMatchers(HttpMethod.GET, ADMIN_API).hasAnyRole(RealmRoles.ADMIN, RealmRoles.LAB)
            .requestMatchers(ADMIN_API).hasRole(RealmRoles.ADMIN)
            .requestMatchers("/actuator/**").hasRole(RealmRoles.ADMIN)
            .requestMatchers("/api/**").authenticated()
            .anyRequest().denyAll())
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.decoder(decoder)
                .jwtAuthenticationConverter(RealmRoleConverter.namedByUsername(KNOWN_ROLES)))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems)
            // The servlet configurer has no failure-handler setter; its default rethrows a key outage (500).
            .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
              @Override
              public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(problems);
                return filter;
              }
            }))
        .exceptionHandling(eh -> eh.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /** Built on first use (keys or discovery fetched then), so the service starts while Keycloak is starting. */
  @Bean
  JwtDecoder jwtDecoder(RealmSecurityProperties props) {
    return RealmTokenChecks.servlet(props.issuerUri(), props.jwkSetUri(),
        RealmTokenChecks.validator(props.issuerUri(), props.audience()), props.keysTimeout());
  }
}
