package io.plantspy.jwtroles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one security chain of the WebFlux services: stateless bearer tokens of the realm, realm roles as
 * authorities (only the roles the service knows, named by subject), health, metrics and the service's own public
 * paths open, the rest of the actuator for {@code admin}, every {@code /api} call authenticated (what a caller may see
 * is the features' business), anything else denied; refusals as problem JSON, an unreachable realm as 503. A service's
 * {@code SecurityConfig} builds it with its roles and public paths:
 *
 * <pre>{@code
 * return ReactiveBearerSecurity.chain(http, decoder, json, props).knownRoles(Roles.KNOWN)
 *     .publicPaths("/v3/api-docs", "/v3/api-docs/**").build();
 * }</pre>
 */
public final class ReactiveBearerSecurity {

  // Prometheus scrapes without a realm token, as probes read health (docs/architecture.md, Observability).
  private static final List<String> HEALTH = List.of("/actuator/health", "/actuator/health/**",
      "/actuator/prometheus");

  private final ServerHttpSecurity http;
  private final ReactiveJwtDecoder decoder;
  private final ReactiveProblemResponses problems;
  private final List<String> publicPaths = new ArrayList<>(HEALTH);
  private Set<String> knownRoles = Set.of(RealmRoles.ADMIN);

  private ReactiveBearerSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
      ReactiveProblemResponses problems) {
    this.http = http;
    this.decoder = decoder;
    this.problems = problems;
  }

  /** A chain checking tokens with {@code decoder}; refusals written with {@code json}. */
  public static ReactiveBearerSecurity chain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, JsonMapper json,
      RealmSecurityProperties props) {
    return new ReactiveBearerSecurity(http, decoder,
        new ReactiveProblemResponses(json, props.unavailableRetryAfter()));
  }

  /**
   * The lazy decoder for {@code props}: keys fetched on the first token (the service starts while Keycloak is still
   * starting), an unreachable realm answered 503 after {@code keysTimeout}.
   */
  public static ReactiveJwtDecoder decoder(RealmSecurityProperties props) {
    return new ReactiveKeyOutages(RealmTokenChecks.reactive(props.issuerUri(), props.jwkSetUri(),
        RealmTokenChecks.validator(props.issuerUri(), props.audience())), props.keysTimeout());
  }

  /** The realm roles turned into authorities; others in the token are ignored. */
  public ReactiveBearerSecurity knownRoles(Set<String> roles) {
    this.knownRoles = Set.copyOf(roles);
    return this;
  }

  /** Paths anyone may call besides health, e.g. the API documents. */
  public ReactiveBearerSecurity publicPaths(String... paths) {
    publicPaths.addAll(List.of(paths));
    return this;
  }

  public SecurityWebFilterChain build() {
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .authorizeExchange(ex -> ex
            .pathMatchers(publicPaths.toArray(String[]::new)).permitAll()
            .pathMatchers("/actuator/**").hasRole(RealmRoles.ADMIN)
            .pathMatchers("/api/**").authenticated()
            .anyExchange().denyAll())
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                new ReactiveJwtAuthenticationConverterAdapter(RealmRoleConverter.namedBySubject(knownRoles))))
            .authenticationEntryPoint(problems)
            .authenticationFailureHandler(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(eh -> eh.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }
}
