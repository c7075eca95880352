package io.plantspy.jwtroles;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps Keycloak realm roles ({@code realm_access.roles}) to {@code ROLE_*} authorities. Only the roles the service
 * knows are mapped, so Keycloak's housekeeping roles (offline_access, uma_authorization, default-roles-*) and
 * client roles never turn into authorities by accident. Reactive services wrap it in Spring's
 * {@code ReactiveJwtAuthenticationConverterAdapter}.
 */
public final class RealmRoleConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final Set<String> known;
  private final Function<Jwt, String> name;

  private RealmRoleConverter(Set<String> known, Function<Jwt, String> name) {
    this.known = Set.copyOf(known);
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The caller is named by the token's subject. */
  public static RealmRoleConverter namedBySubject(Set<String> known) {
    return new RealmRoleConverter(known, Jwt::getSubject);
  }

  /** The caller is named by Keycloak's user name when the token has one, else by its subject. */
  public static RealmRoleConverter namedByUsername(Set<String> known) {
    return new RealmRoleConverter(known, RealmRoleConverter::username);
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new JwtAuthenticationToken(jwt, authorities(jwt), name.apply(jwt));
  }

  public Collection<GrantedAuthority> authorities(Jwt jwt) {
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (!(realmAccess instanceof Map<?, ?> map) || !(map.get("roles") instanceof Collection<?> roles)) {
      return List.of();
    }
    return roles.stream()
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .filter(known::contains)
        .distinct()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(RealmRoles.authority(role)))
        .toList();
  }

  private static String username(Jwt jwt) {
    String preferred = jwt.getClaimAsString("preferred_username");
    return preferred != null && !preferred.isBlank() ? preferred : jwt.getSubject();
  }
}
