package io.plantspy.feeds.gateway.security;

import io.plantspy.jwtroles.RealmRoles;
import java.util.Set;
import org.springframework.security.core.Authentication;

/** The realm roles this service knows; only {@code admin} changes what a caller may do here. */
public final class Roles {

  public static final String ADMIN = RealmRoles.ADMIN;
  static final Set<String> KNOWN = Set.of(RealmRoles.CATEGORY, RealmRoles.HEALTH, RealmRoles.DISEASE, ADMIN);

  private Roles() {}

  public static boolean isAdmin(Authentication auth) {
    return RealmRoles.has(auth, ADMIN);
  }
}
