package io.plantspy.webhooks.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Keycloak realm roles ({@code realm_access.roles}) as {@code ROLE_*} authorities; only the roles this service
 * knows, so Keycloak's housekeeping roles never become authorities by accident.
 */
final class RealmRoleConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

  @Override
  public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
    return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
  }

  static Collection<GrantedAuthority> authorities(Jwt jwt) {
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (!(realmAccess instanceof Map<?, ?> map) || !(map.get("roles") instanceof Collection<?> roles)) {
      return List.of();
    }
    return roles.stream()
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .filter(Roles.KNOWN::contains)
        .distinct()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(Roles.authority(role)))
        .toList();
  }
}
