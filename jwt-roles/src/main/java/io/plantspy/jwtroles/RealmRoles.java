package io.plantspy.jwtroles;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The Keycloak realm roles of PlantSpy: the three answer roles ({@code category}, {@code health}, {@code disease}),
 * {@code lab} and {@code admin}. Each service maps the subset it knows.
 */
public final class RealmRoles {

  public static final String CATEGORY = "category";
  public static final String HEALTH = "health";
  public static final String DISEASE = "disease";
  public static final String LAB = "lab";
  public static final String ADMIN = "admin";

  private RealmRoles() {}

  public static String authority(String role) {
    return "ROLE_" + role;
  }

  public static boolean has(Authentication auth, String role) {
    String wanted = authority(role);
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (wanted.equals(a.getAuthority())) {
        return true;
      }
    }
    return false;
  }
}
