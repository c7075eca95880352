package io.plantspy.webhooks.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The realm roles this service knows: the three answer roles and {@code admin}. */
public final class Roles {

  public static final String CATEGORY = "category";
  public static final String HEALTH = "health";
  public static final String DISEASE = "disease";
  public static final String ADMIN = "admin";

  /** The answer roles, in the order answers are listed. */
  public static final List<String> ANSWERS = List.of(CATEGORY, HEALTH, DISEASE);
  static final Set<String> KNOWN = Set.of(CATEGORY, HEALTH, DISEASE, ADMIN);

  private Roles() {}

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

  /** The answers ({@code category}, {@code health}, {@code disease}) the caller's roles let it see. */
  public static List<String> answersOf(Authentication auth) {
    List<String> answers = new ArrayList<>();
    for (String answer : ANSWERS) {
      if (has(auth, answer)) {
        answers.add(answer);
      }
    }
    return answers;
  }
}
