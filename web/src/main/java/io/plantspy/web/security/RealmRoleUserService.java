package io.plantspy.web.security;

import io.plantspy.jwtroles.RealmRoleConverter;
import io.plantspy.jwtroles.RealmRoles;
import java.util.Set;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The signed-in user with the realm roles of their access token as {@code ROLE_*} authorities, read the way the
 * services read them ({@link RealmRoleConverter}): the pages then show what the APIs will allow. The access token is
 * verified against the realm's keys first, as a resource server would.
 */
final class RealmRoleUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  static final Set<String> KNOWN = Set.of(RealmRoles.CATEGORY, RealmRoles.HEALTH, RealmRoles.DISEASE,
      RealmRoles.LAB, RealmRoles.ADMIN);

  private final OidcUserService delegate = new OidcUserService();
  private final RealmRoleConverter roles = RealmRoleConverter.namedByUsername(KNOWN);
  private final JwtDecoder accessTokens;

  RealmRoleUserService(JwtDecoder accessTokens) {
    this.accessTokens = accessTokens;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    Jwt accessToken = accessTokens.decode(request.getAccessToken().getTokenValue());
    return new DefaultOidcUser(roles.authorities(accessToken), user.getIdToken(), user.getUserInfo(),
        "preferred_username");
  }
}
