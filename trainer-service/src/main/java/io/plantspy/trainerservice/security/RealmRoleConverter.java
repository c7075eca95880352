package io.plantspy.trainerservice.security;

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

/**
 * Maps the Keycloak realm roles this service knows ({@code realm_access.roles}) to {@code ROLE_*} authorities;
 * Keycloak's housekeeping roles never become authorities.
 */
final class RealmRoleConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private static final Set<String> KNOWN = Set.of(Roles.ADMIN, Roles.LAB);

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new JwtAuthenticationToken(jwt, authorities(jwt), username(jwt));
  }

  /** The name runs are recorded as requested by: Keycloak's user name when present, else the subject. */
  private static String username(Jwt jwt) {
    String preferred = jwt.getClaimAsString("preferred_username");
    return preferred != null && !preferred.isBlank() ? preferred : jwt.getSubject();
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
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }
}
