package io.plantspy.web.security;

import io.plantspy.jwtroles.RealmRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open which page, how people sign in and out, and the response headers. Pages are server-side and the
 * tokens stay in the server's session (a backend-for-frontend): the browser holds only the session cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealmProperties.class)
@Import(KeycloakRegistration.class)
public class SecurityConfig {

  static final String SIGN_IN = "/oauth2/authorization/" + KeycloakRegistration.REGISTRATION_ID;

  @Bean
  SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, RealmProperties realm,
      JwtDecoder accessTokens) throws Exception {
    OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    logout.setPostLogoutRedirectUri("{baseUrl}/");
    http
        .authorizeHttpRequests(pages -> pages
            // Prometheus scrapes without signing in, as probes read health (docs/architecture.md, Observability).
            .requestMatchers("/", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                "/actuator/health/**", "/actuator/prometheus").permitAll()
            .requestMatchers("/diagnose/**")
                .hasAnyRole(RealmRoles.CATEGORY, RealmRoles.HEALTH, RealmRoles.DISEASE)
            .requestMatchers("/history/**", "/jobs/**")
                .hasAnyRole(RealmRoles.CATEGORY, RealmRoles.HEALTH, RealmRoles.DISEASE)
            .requestMatchers("/dashboard/platform.json").hasRole(RealmRoles.ADMIN)
            .requestMatchers("/lab/**").hasRole(RealmRoles.LAB)
            // The trainer service lets lab and admin read runs and releases, only admin promote.
            .requestMatchers(HttpMethod.POST, "/models/**").hasRole(RealmRoles.ADMIN)
            .requestMatchers("/models/**").hasAnyRole(RealmRoles.LAB, RealmRoles.ADMIN)
            // The feed gateway and the webhooks service know the answer roles and admin (own devices, own hooks).
            .requestMatchers("/devices/**", "/webhooks/**")
                .hasAnyRole(RealmRoles.CATEGORY, RealmRoles.HEALTH, RealmRoles.DISEASE, RealmRoles.ADMIN)
            .requestMatchers("/admin/**").hasRole(RealmRoles.ADMIN)
            .anyRequest().authenticated())
        // Signed-out visitors go straight to the realm's sign-in page: the realm is the only way in.
        .oauth2Login(login -> login
            .loginPage(SIGN_IN)
            .userInfoEndpoint(user -> user.oidcUserService(new RealmRoleUserService(accessTokens))))
        .logout(out -> out.logoutSuccessHandler(logout))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.directives(realm.origin())))
            .referrerPolicy(referrer -> referrer.policy(
                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                    .SAME_ORIGIN)));
    return http.build();
  }

  /** Verifies the realm's access tokens (signature and issuer) before their roles are believed. */
  @Bean
  JwtDecoder accessTokens(RealmProperties realm) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(realm.backchannelEndpoint("certs")).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(realm.issuerUri().toString()));
    return decoder;
  }
}
