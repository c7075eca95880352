package io.plantspy.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.api.DiagnosisApi;
import io.plantspy.web.diagnose.ClassNames;
import io.plantspy.web.home.ApiErrorPages;
import io.plantspy.web.i18n.LanguageConfig;
import io.plantspy.web.security.SecurityConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Dashboard: canvases and scripts without inline code, the JSON it draws, and who sees which part. */
@WebMvcTest(DashboardController.class)
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, ApiErrorPages.class})
class DashboardControllerTest {

  private static final RequestPostProcessor GROWER = oauth2Login().authorities(
      new SimpleGrantedAuthority("ROLE_category"), new SimpleGrantedAuthority("ROLE_disease"));
  private static final RequestPostProcessor ADMIN = oauth2Login().authorities(
      new SimpleGrantedAuthority("ROLE_admin"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  DiagnosisApi api;

  @Test
  void aGrowerGetsTheirChartsDrawnByStaticScriptsAndNoPlatformSection() throws Exception {
    String html = mvc.perform(get("/dashboard").with(GROWER)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("id=\"per-day\"", "id=\"per-crop\"", "id=\"diseases\"",
        "data-src=\"/dashboard/mine.json\"", "src=\"/webjars/chart.js/", "/dist/chart.umd.js\"",
        "src=\"/js/dashboard.js\"").doesNotContain("id=\"throughput\"");
    // Every script comes from a file: the CSP allows no inline one.
    assertThat(html.split("<script").length - 1).isEqualTo(html.split("<script[^>]* src=").length - 1);
  }

  @Test
  void anAdminGetsThePlatformSectionOnly() throws Exception {
    String html = mvc.perform(get("/dashboard").with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("id=\"throughput\"", "data-src=\"/dashboard/platform.json\"")
        .doesNotContain("id=\"per-day\"");
  }

  @Test
  void theStatisticsArePassedThroughAsJson() throws Exception {
    when(api.stats(30)).thenReturn("{\"days\":30,\"perDay\":[]}");
    mvc.perform(get("/dashboard/mine.json").with(GROWER))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(content().json("{\"days\":30,\"perDay\":[]}"));
    when(api.platformStats(60)).thenReturn("{\"minutes\":60}");
    mvc.perform(get("/dashboard/platform.json").with(ADMIN))
        .andExpect(status().isOk()).andExpect(content().json("{\"minutes\":60}"));
  }

  @Test
  void thePlatformFiguresAreForAdminsAndTheDashboardForSignedInUsers() throws Exception {
    mvc.perform(get("/dashboard/platform.json").with(GROWER)).andExpect(status().isForbidden());
    mvc.perform(get("/dashboard")).andExpect(status().isFound())
        .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
  }
}
