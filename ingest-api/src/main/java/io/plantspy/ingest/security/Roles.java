package io.plantspy.ingest.security;

import io.plantspy.jwtroles.RealmRoles;
import io.plantspy.schemas.Answer;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;

/** The Keycloak realm roles the API knows, and which answers each lets a caller see. */
public final class Roles {

  public static final String CATEGORY = RealmRoles.CATEGORY;
  public static final String HEALTH = RealmRoles.HEALTH;
  public static final String DISEASE = RealmRoles.DISEASE;
  public static final String LAB = RealmRoles.LAB;
  public static final String ADMIN = RealmRoles.ADMIN;

  /** The roles mapped to authorities; Keycloak's housekeeping roles are not among them. */
  static final Set<String> KNOWN = Set.of(CATEGORY, HEALTH, DISEASE, LAB, ADMIN);

  private Roles() {}

  public static String roleOf(Answer answer) {
    return switch (answer) {
      case CATEGORY -> CATEGORY;
      case HEALTH -> HEALTH;
      case DISEASE -> DISEASE;
    };
  }

  /** The answers the caller may ask for and see, in enum order. */
  public static Set<Answer> answersOf(Authentication auth) {
    Set<Answer> answers = EnumSet.noneOf(Answer.class);
    for (Answer answer : Answer.values()) {
      if (has(auth, roleOf(answer))) {
        answers.add(answer);
      }
    }
    return answers;
  }

  public static boolean has(Authentication auth, String role) {
    return RealmRoles.has(auth, role);
  }
}
