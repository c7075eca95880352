package io.plantspy.ingest.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Maps Keycloak realm roles ({@code realm_access.roles}) to {@code ROLE_*} authorities. Only the roles the API
 * knows are mapped, so Keycloak's housekeeping roles (offline_access, uma_authorization, default-roles-*) never
 * turn into authorities by accident.
 */
public final class RealmRoleConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

  static final Set<String> KNOWN =
      Set.of(Roles.CATEGORY, Roles.HEALTH, Roles.DISEASE, Roles.LAB, Roles.ADMIN);

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
        .filter(KNOWN::contains)
        .distinct()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(Roles.authority(role)))
        .toList();
  }
}
