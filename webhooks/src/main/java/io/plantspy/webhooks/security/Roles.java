package io.plantspy.webhooks.security;

import io.plantspy.jwtroles.RealmRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;

/** The realm roles this service knows: the three answer roles and {@code admin}. */
public final class Roles {

  public static final String CATEGORY = RealmRoles.CATEGORY;
  public static final String HEALTH = RealmRoles.HEALTH;
  public static final String DISEASE = RealmRoles.DISEASE;
  public static final String ADMIN = RealmRoles.ADMIN;

  /** The answer roles, in the order answers are listed. */
  public static final List<String> ANSWERS = List.of(CATEGORY, HEALTH, DISEASE);
  static final Set<String> KNOWN = Set.of(CATEGORY, HEALTH, DISEASE, ADMIN);

  private Roles() {}

  public static boolean has(Authentication auth, String role) {
    return RealmRoles.has(auth, role);
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
