package io.plantspy.web.admin;

import java.util.List;

/** The realm's users, as the Admin users page manages them. */
public interface UserAdmin {

  /** Whether the page can act (a service-account secret is configured). */
  boolean available();

  /** Users whose name, email or names contain {@code search} (all when blank), a page at a time. */
  List<RealmUser> search(String search, int first, int max);

  /** Creates an enabled user with a password and realm roles; returns the new user's id. */
  String create(NewUser user);

  /** Sets the user's PlantSpy realm roles to exactly {@code roles}. */
  void setRoles(String userId, List<String> roles);

  void setEnabled(String userId, boolean enabled);

  void resetPassword(String userId, String password);

  void delete(String userId);
}
