package io.plantspy.webhooks.security;

import io.plantspy.jwtroles.ReactiveBearerSecurity;
import io.plantspy.jwtroles.RealmSecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' bearer-token chain ({@link ReactiveBearerSecurity}) with this service's roles, the API documents
 * open to all (subscribing to {@code model.promoted} also needs the role admin, checked by the endpoint feature).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealmSecurityProperties.class)
public class SecurityConfig {

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, JsonMapper json,
      RealmSecurityProperties props) {
    return ReactiveBearerSecurity.chain(http, decoder, json, props).knownRoles(Roles.KNOWN)
        .publicPaths("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
        .build();
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(RealmSecurityProperties props) {
    return ReactiveBearerSecurity.decoder(props);
  }
}
