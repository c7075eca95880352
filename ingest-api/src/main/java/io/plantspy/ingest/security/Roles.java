package io.plantspy.ingest.security;

import io.plantspy.schemas.Answer;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The Keycloak realm roles the API knows, and which answers each lets a caller see. */
public final class Roles {

  public static final String CATEGORY = "category";
  public static final String HEALTH = "health";
  public static final String DISEASE = "disease";
  public static final String LAB = "lab";
  public static final String ADMIN = "admin";

  private Roles() {}

  public static String authority(String role) {
    return "ROLE_" + role;
  }

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
    String wanted = authority(role);
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (wanted.equals(a.getAuthority())) {
        return true;
      }
    }
    return false;
  }
}
