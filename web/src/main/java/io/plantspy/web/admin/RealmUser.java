package io.plantspy.web.admin;

import java.util.Set;

/** A user of the realm as the Admin users page lists it: the PlantSpy realm roles only. */
public record RealmUser(String id, String username, String email, String firstName, String lastName,
    boolean enabled, Set<String> roles) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
