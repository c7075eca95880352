package io.plantspy.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.Diagnosis.Label;
import io.plantspy.web.api.DiagnosisApi;
import io.plantspy.web.api.HistoryEntry;
import io.plantspy.web.api.HistoryPage;
import io.plantspy.web.api.HistoryQuery;
import io.plantspy.web.diagnose.ClassNames;
import io.plantspy.web.home.ApiErrorPages;
import io.plantspy.web.i18n.LanguageConfig;
import io.plantspy.web.security.SecurityConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The History page: what it asks the API for, how it shows the diagnoses and refusals, and who may open it. */
@WebMvcTest(HistoryController.class)
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, ApiErrorPages.class})
class HistoryControllerTest {

  private static final RequestPostProcessor GROWER = oauth2Login().authorities(
      new SimpleGrantedAuthority("ROLE_category"), new SimpleGrantedAuthority("ROLE_health"),
      new SimpleGrantedAuthority("ROLE_disease"));
  private static final Instant WHEN = Instant.parse("2026-11-28T09:30:00Z");

  @Autowired
  MockMvc mvc;

  @MockitoBean
  DiagnosisApi api;

  private static HistoryEntry earlyBlight(String id, String thumbnail) {
    return new HistoryEntry(id, "DONE", WHEN, WHEN, "UPLOAD", thumbnail, "r1", new Label("Tomato", 0.99f),
        new Label("sick", 0.97f), new Label("Early_blight", 0.91f), "Tomato___Early_blight",
        List.of(new Label("Tomato___Early_blight", 0.91f)), false, null);
  }

  @Test
  void listsTheUsersDiagnosesWithTheirAnswerDateSourceAndThumbnail() throws Exception {
    when(api.history(any())).thenReturn(new HistoryPage(List.of(
        earlyBlight("d1", "/api/v1/diagnoses/d1/thumbnail"), earlyBlight("d2", null)), 0, 12, 2));

    String html = mvc.perform(get("/history").with(GROWER)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(html).contains("href=\"/history/d1\"", "src=\"/history/d1/thumbnail\"", "Tomato – Early blight",
        "2026-11-28 09:30 UTC", "Upload", "No photo", "2 diagnoses").doesNotContain("src=\"/history/d2/thumbnail\"");
    assertThat(html).doesNotContain("id=\"history-next\"", "id=\"history-previous\"");
  }

  @Test
  void passesTheFiltersToTheApiAndKeepsThemInTheFormAndThePagerLinks() throws Exception {
    when(api.history(any())).thenReturn(new HistoryPage(List.of(earlyBlight("d1", null)), 1, 12, 40));

    String html = mvc.perform(get("/history").with(GROWER).param("class", "Tomato").param("from", "2026-11-01")
            .param("to", "2026-11-28").param("source", "url").param("page", "1"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    verify(api).history(new HistoryQuery("Tomato", "2026-11-01", "2026-11-28", "url", 1, HistoryController.PAGE_SIZE));
    assertThat(html).contains("value=\"Tomato\"", "value=\"2026-11-01\"", "<option value=\"url\" selected")
        .contains("class=Tomato&amp;from=2026-11-01&amp;to=2026-11-28&amp;source=url&amp;page=0")
        .contains("page=2");
  }

  @Test
  void aRefusedFilterIsShownAsTheApisProblemAboveTheForm() throws Exception {
    when(api.history(any())).thenThrow(new ApiException(400, "Bad parameter",
        "from must be a date such as 2026-11-28", null));

    String html = mvc.perform(get("/history").with(GROWER).param("from", "yesterday"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(html).contains("role=\"alert\"", "Bad parameter", "from must be a date such as 2026-11-28",
        "value=\"yesterday\"");
  }

  @Test
  void detailsShowTheAnswersOfOneDiagnosis() throws Exception {
    when(api.get("d1")).thenReturn(earlyBlight("d1", null).diagnosis());
    String html = mvc.perform(get("/history/d1").with(GROWER)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("Early blight", "src=\"/history/d1/thumbnail\"", "data-status=\"DONE\"");
  }

  @Test
  void theThumbnailIsPassedThroughAsAJpegAndAMissingOneIs404() throws Exception {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2};
    when(api.thumbnail("d1")).thenReturn(jpeg);
    when(api.thumbnail("d2")).thenThrow(new ApiException(404, "Thumbnail not found", null, null));

    mvc.perform(get("/history/d1/thumbnail").with(GROWER))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.IMAGE_JPEG))
        .andExpect(content().bytes(jpeg));
    mvc.perform(get("/history/d2/thumbnail").with(GROWER)).andExpect(status().isNotFound());
  }

  @Test
  void signedOutVisitorsAreSentToSignInAndUsersWithoutADiagnosisRoleAreForbidden() throws Exception {
    mvc.perform(get("/history")).andExpect(status().isFound())
        .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
    mvc.perform(get("/history/d1/thumbnail")).andExpect(status().isFound());
    mvc.perform(get("/history").with(oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_lab"))))
        .andExpect(status().isForbidden());
  }
}
