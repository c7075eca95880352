package io.plantspy.web.security;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.admin.UserAdmin;
import io.plantspy.web.api.DevicesApi;
import io.plantspy.web.api.DiagnosisApi;
import io.plantspy.web.api.JobApi;
import io.plantspy.web.api.LabApi;
import io.plantspy.web.api.RunPage;
import io.plantspy.web.api.TrainerApi;
import io.plantspy.web.api.WebhooksApi;
import io.plantspy.web.diagnose.ClassNames;
import io.plantspy.web.home.Figures;
import io.plantspy.web.i18n.LanguageConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may open the Lab, Models, Devices and Webhooks pages: the roles their APIs accept, sign-in for visitors, and a
 * CSRF token on every change (nothing reaches an API without one).
 */
@WebMvcTest
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, Figures.class})
class NewPagesSecurityTest {

  private static final RequestPostProcessor GROWER = oauth2Login().authorities(
      new SimpleGrantedAuthority("ROLE_category"), new SimpleGrantedAuthority("ROLE_health"),
      new SimpleGrantedAuthority("ROLE_disease"));
  private static final RequestPostProcessor LAB = oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_lab"));
  private static final RequestPostProcessor ADMIN = oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_admin"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  DiagnosisApi diagnoses;

  @MockitoBean
  UserAdmin users;

  @MockitoBean
  LabApi lab;

  @MockitoBean
  TrainerApi trainer;

  @MockitoBean
  DevicesApi devices;

  @MockitoBean
  WebhooksApi webhooks;

  // Every controller is loaded (no list above), so the Jobs page's API too.
  @MockitoBean
  JobApi jobs;

  @BeforeEach
  void emptyApis() {
    when(trainer.releases()).thenReturn(List.of());
    when(trainer.runs(anyInt())).thenReturn(new RunPage(List.of(), 0, 10, 0));
    when(devices.list()).thenReturn(List.of());
    when(webhooks.list()).thenReturn(List.of());
  }

  @Test
  void signedOutVisitorsAreSentToTheRealmsSignIn() throws Exception {
    for (String page : new String[] {"/lab", "/lab/runs", "/models", "/models/runs/r1", "/devices", "/webhooks",
        "/webhooks/w1/deliveries"}) {
      mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
    }
  }

  @Test
  void theLabPageNeedsTheLabRole() throws Exception {
    mvc.perform(get("/lab").with(GROWER)).andExpect(status().isForbidden());
    mvc.perform(get("/lab").with(ADMIN)).andExpect(status().isForbidden());
  }

  @Test
  void theModelsPagesNeedLabOrAdmin() throws Exception {
    mvc.perform(get("/models").with(GROWER)).andExpect(status().isForbidden());
    mvc.perform(get("/models").with(LAB)).andExpect(status().isOk());
    mvc.perform(get("/models").with(ADMIN)).andExpect(status().isOk());
  }

  @Test
  void onlyAnAdminMayPromoteEvenWithAToken() throws Exception {
    mvc.perform(post("/models/r1/promote").with(LAB).with(csrf())).andExpect(status().isForbidden());
    verify(trainer, never()).promote(any());
    mvc.perform(post("/models/r1/promote").with(ADMIN).with(csrf())).andExpect(status().isFound());
  }

  @Test
  void devicesAndWebhooksNeedARoleTheirServicesKnow() throws Exception {
    mvc.perform(get("/devices").with(LAB)).andExpect(status().isForbidden());
    mvc.perform(get("/webhooks").with(LAB)).andExpect(status().isForbidden());
    mvc.perform(get("/devices").with(GROWER)).andExpect(status().isOk());
    mvc.perform(get("/webhooks").with(ADMIN)).andExpect(status().isOk());
  }

  @Test
  void everyChangeWithoutACsrfTokenIsRefusedBeforeAnyApiCall() throws Exception {
    mvc.perform(multipart("/lab/samples").param("knownLabel", "Tomato___healthy").with(LAB))
        .andExpect(status().isForbidden());
    mvc.perform(post("/lab/samples/s1/withdraw").with(LAB)).andExpect(status().isForbidden());
    mvc.perform(post("/models/r1/promote").with(ADMIN)).andExpect(status().isForbidden());
    mvc.perform(post("/devices").param("farm", "north").param("name", "Cam").with(ADMIN))
        .andExpect(status().isForbidden());
    mvc.perform(post("/devices/d1/revoke").with(ADMIN)).andExpect(status().isForbidden());
    mvc.perform(post("/webhooks").param("url", "https://example.org").param("events", "diagnosis.completed")
        .with(GROWER)).andExpect(status().isForbidden());
    mvc.perform(post("/webhooks/w1/delete").with(GROWER)).andExpect(status().isForbidden());
    mvc.perform(post("/webhooks/w1/deliveries/x/retry").with(GROWER)).andExpect(status().isForbidden());
    verifyNoInteractions(lab, devices, webhooks);
    verify(trainer, never()).promote(any());
  }
}
