package io.plantspy.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.i18n.LanguageConfig;
import io.plantspy.web.security.SecurityConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Admin users page: who may open it, what each form asks of the realm, and how a refusal is shown. */
@WebMvcTest(AdminUsersController.class)
@Import({SecurityConfig.class, LanguageConfig.class})
class AdminUsersControllerTest {

  private static final RequestPostProcessor ADMIN =
      oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_admin"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  UserAdmin users;

  @Test
  void onlyAdminsMayOpenIt() throws Exception {
    mvc.perform(get("/admin/users").with(oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_disease"),
        new SimpleGrantedAuthority("ROLE_lab")))).andExpect(status().isForbidden());
    mvc.perform(get("/admin/users")).andExpect(status().isFound());
  }

  @Test
  void listsTheUsersFoundWithTheirRolesAndState() throws Exception {
    when(users.available()).thenReturn(true);
    when(users.search(eq("gro"), eq(0), anyInt())).thenReturn(List.of(
        new RealmUser("id-1", "grower", "grower@plantspy.local", "Demo", "Grower", true,
            Set.of("category", "health", "disease")),
        new RealmUser("id-2", "grower2", "g2@plantspy.local", "Old", "Grower", false, Set.of("category"))));

    String html = mvc.perform(get("/admin/users").param("q", "gro").with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(html).contains("grower@plantspy.local", "grower2", "disabled", "Enable", "Disable",
        "action=\"/admin/users/id-1/roles\"");
  }

  @Test
  void createsAUserWithRolesAndAPassword() throws Exception {
    mvc.perform(post("/admin/users").with(ADMIN).with(csrf())
            .param("username", "alice").param("email", "alice@example.org").param("firstName", "Alice")
            .param("lastName", "Martin").param("password", "a-long-password").param("roles", "category"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/users?q=alice"))
        .andExpect(flash().attribute("done", "admin.users.created"));

    verify(users).create(new NewUser("alice", "alice@example.org", "Alice", "Martin", "a-long-password",
        List.of("category")));
  }

  @Test
  void anInvalidNewUserIsNotSentToTheRealm() throws Exception {
    mvc.perform(post("/admin/users").with(ADMIN).with(csrf())
            .param("username", "Alice Smith").param("email", "not-an-email").param("firstName", "A")
            .param("lastName", "S").param("password", "short"))
        .andExpect(status().isFound());

    verify(users, never()).create(any());
  }

  @Test
  void disablesAUser() throws Exception {
    mvc.perform(post("/admin/users/id-2/enabled").with(ADMIN).with(csrf())
            .param("enabled", "false").param("username", "grower2"))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("done", "admin.users.disabled"));

    verify(users).setEnabled("id-2", false);
  }

  @Test
  void savesExactlyTheCheckedRoles() throws Exception {
    mvc.perform(post("/admin/users/id-1/roles").with(ADMIN).with(csrf())
            .param("username", "grower").param("roles", "category", "lab"))
        .andExpect(status().isFound());
    verify(users).setRoles("id-1", List.of("category", "lab"));

    mvc.perform(post("/admin/users/id-1/roles").with(ADMIN).with(csrf()).param("username", "grower"))
        .andExpect(status().isFound());
    verify(users).setRoles("id-1", List.of());
  }

  @Test
  void resetsThePasswordAndDeletes() throws Exception {
    mvc.perform(post("/admin/users/id-1/password").with(ADMIN).with(csrf())
        .param("username", "grower").param("password", "another-password")).andExpect(status().isFound());
    verify(users).resetPassword("id-1", "another-password");

    mvc.perform(post("/admin/users/id-1/delete").with(ADMIN).with(csrf()).param("username", "grower"))
        .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/users"));
    verify(users).delete("id-1");
  }

  @Test
  void aRealmRefusalIsShownInKeycloaksWords() throws Exception {
    when(users.create(any())).thenThrow(new UserAdminException(409, "User exists with same username", null));

    mvc.perform(post("/admin/users").with(ADMIN).with(csrf())
            .param("username", "grower").param("email", "grower@example.org").param("firstName", "G")
            .param("lastName", "R").param("password", "a-long-password"))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("realmError", "User exists with same username"));
  }

  @Test
  void withoutASecretThePageSaysItIsOff() throws Exception {
    when(users.available()).thenReturn(false);

    String html = mvc.perform(get("/admin/users").with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(html).contains("User administration is off");
  }
}
