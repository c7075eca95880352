package io.plantspy.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.admin.UserAdmin;
import io.plantspy.web.api.DiagnosisApi;
import io.plantspy.web.api.JobApi;
import io.plantspy.web.diagnose.ClassNames;
import io.plantspy.web.i18n.LanguageConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who may open what, sign-in and sign-out through the realm, CSRF and the Content-Security-Policy. */
@WebMvcTest
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class})
class PageSecurityTest {

  @Autowired
  MockMvc mvc;

  @Autowired
  ClientRegistrationRepository registrations;

  @MockitoBean
  DiagnosisApi api;

  @MockitoBean
  UserAdmin users;

  @MockitoBean
  io.plantspy.web.api.LabApi lab;

  @MockitoBean
  io.plantspy.web.api.TrainerApi trainer;

  @MockitoBean
  io.plantspy.web.api.DevicesApi devices;

  @MockitoBean
  io.plantspy.web.api.WebhooksApi webhooks;

  @MockitoBean
  JobApi jobs;

  @Test
  void signedOutVisitorsAreSentToTheRealmsSignIn() throws Exception {
    mvc.perform(get("/diagnose"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
  }

  @Test
  void signInAsksTheRealmForACodeWithPkce() throws Exception {
    String location = mvc.perform(get("/oauth2/authorization/keycloak"))
        .andExpect(status().isFound())
        .andReturn().getResponse().getRedirectedUrl();
    assertThat(location)
        .startsWith("http://127.0.0.1:8081/realms/plantspy/protocol/openid-connect/auth?")
        .contains("client_id=plantspy-web", "response_type=code", "code_challenge_method=S256",
            "code_challenge=");
  }

  @Test
  void aUserWithoutADiagnosisRoleIsForbiddenTheDiagnosePage() throws Exception {
    mvc.perform(get("/diagnose").with(oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_lab"))))
        .andExpect(status().isForbidden());
  }

  @Test
  void aUserWithTheCategoryRoleMayDiagnose() throws Exception {
    mvc.perform(get("/diagnose").with(oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_category"))))
        .andExpect(status().isOk());
  }

  @Test
  void aPostWithoutCsrfTokenIsRefused() throws Exception {
    var grower = oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_category"));
    mvc.perform(multipart("/diagnose").param("url", "").with(grower))
        .andExpect(status().isForbidden());
    mvc.perform(multipart("/diagnose").param("url", "").with(grower).with(csrf()))
        .andExpect(status().isOk());
  }

  @Test
  void everyPageCarriesAStrictContentSecurityPolicy() throws Exception {
    String csp = mvc.perform(get("/"))
        .andExpect(status().isOk())
        .andExpect(header().exists("Content-Security-Policy"))
        .andReturn().getResponse().getHeader("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self'", "style-src 'self'", "object-src 'none'",
        "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
  }

  @Test
  void signingOutEndsTheKeycloakSessionToo() throws Exception {
    String location = mvc.perform(post("/logout").with(csrf())
            .with(oidcLogin().clientRegistration(registrations.findByRegistrationId("keycloak"))))
        .andExpect(status().isFound())
        .andReturn().getResponse().getRedirectedUrl();
    assertThat(location)
        .startsWith("http://127.0.0.1:8081/realms/plantspy/protocol/openid-connect/logout?")
        .contains("id_token_hint=", "post_logout_redirect_uri=");
  }
}
