package io.plantspy.web.admin;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The Admin users page (role {@code admin}, enforced by the security rules for {@code /admin/**}): list and
 * search, create with roles and a password, change roles, disable or enable, reset the password, delete. Each
 * change is a plain form post answered by a redirect back to the list with what happened (post/redirect/get).
 */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

  static final int PAGE_SIZE = 20;

  private final UserAdmin users;

  AdminUsersController(UserAdmin users) {
    this.users = users;
  }

  @ModelAttribute("allRoles")
  List<String> allRoles() {
    return KeycloakUserAdmin.PLANTSPY_ROLES;
  }

  @GetMapping
  String list(@RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
    model.addAttribute("q", q);
    model.addAttribute("available", users.available());
    if (!model.containsAttribute("newUser")) {
      model.addAttribute("newUser", new NewUser("", "", "", "", "", List.of()));
    }
    if (users.available()) {
      int from = Math.max(page, 0) * PAGE_SIZE;
      // One more than a page tells whether there is a next one.
      List<RealmUser> found = users.search(q, from, PAGE_SIZE + 1);
      model.addAttribute("users", found.subList(0, Math.min(found.size(), PAGE_SIZE)));
      model.addAttribute("page", Math.max(page, 0));
      model.addAttribute("hasNext", found.size() > PAGE_SIZE);
    }
    return "admin-users";
  }

  @PostMapping
  String create(@Valid @ModelAttribute("newUser") NewUser newUser, BindingResult form, RedirectAttributes after) {
    if (form.hasErrors()) {
      after.addFlashAttribute("org.springframework.validation.BindingResult.newUser", form);
      after.addFlashAttribute("newUser", newUser);
      return "redirect:/admin/users";
    }
    users.create(newUser);
    after.addFlashAttribute("done", "admin.users.created");
    after.addFlashAttribute("doneUser", newUser.username());
    return listing(newUser.username());
  }

  @PostMapping("/{id}/roles")
  String roles(@PathVariable String id, @RequestParam(name = "roles", required = false) List<String> roles,
      @RequestParam String username, RedirectAttributes after) {
    users.setRoles(id, roles == null ? List.of() : roles);
    return done(after, "admin.users.rolesChanged", username);
  }

  @PostMapping("/{id}/enabled")
  String enabled(@PathVariable String id, @RequestParam boolean enabled, @RequestParam String username,
      RedirectAttributes after) {
    users.setEnabled(id, enabled);
    return done(after, enabled ? "admin.users.enabled" : "admin.users.disabled", username);
  }

  @PostMapping("/{id}/password")
  String password(@PathVariable String id, @RequestParam String password, @RequestParam String username,
      RedirectAttributes after) {
    if (password.length() < 8) {
      after.addFlashAttribute("failed", "admin.users.passwordTooShort");
      return listing(username);
    }
    users.resetPassword(id, password);
    return done(after, "admin.users.passwordReset", username);
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable String id, @RequestParam String username, RedirectAttributes after) {
    users.delete(id);
    after.addFlashAttribute("done", "admin.users.deleted");
    after.addFlashAttribute("doneUser", username);
    return "redirect:/admin/users";
  }

  /** The realm refused or could not be reached: the list page says why, in Keycloak's words. */
  @ExceptionHandler(UserAdminException.class)
  String refused(UserAdminException e, RedirectAttributes after) {
    after.addFlashAttribute("realmError", e.getMessage());
    return "redirect:/admin/users";
  }

  private static String done(RedirectAttributes after, String message, String username) {
    after.addFlashAttribute("done", message);
    after.addFlashAttribute("doneUser", username);
    return listing(username);
  }

  /** Back to the list, searching for the user just changed. */
  private static String listing(String username) {
    return "redirect:/admin/users?q=" + UriUtils.encodeQueryParam(username, StandardCharsets.UTF_8);
  }
}
