package io.plantspy.web.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.Diagnosis;
import io.plantspy.web.api.Diagnosis.Label;
import io.plantspy.web.api.DiagnosisApi;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Diagnose page: what it sends to the API and how it shows the answers, pending ones and errors. */
@WebMvcTest(DiagnoseController.class)
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, ApiErrorPages.class})
class DiagnoseControllerTest {

  private static final RequestPostProcessor GROWER = oauth2Login().authorities(
      new SimpleGrantedAuthority("ROLE_category"), new SimpleGrantedAuthority("ROLE_health"),
      new SimpleGrantedAuthority("ROLE_disease"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  DiagnosisApi api;

  private static Diagnosis earlyBlight(String id) {
    return new Diagnosis(id, "DONE", Instant.now(), Instant.now(), "2026-11-28-plantvillage31",
        new Label("Tomato", 0.99f), new Label("sick", 0.97f), new Label("Early blight", 0.91f),
        "Tomato___Early_blight", List.of(new Label("Tomato___Early_blight", 0.91f),
            new Label("Tomato___Late_blight", 0.06f), new Label("Potato___Early_blight", 0.02f)), false, null);
  }

  private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void showsEveryAnswerTheApiGaveWithConfidenceBarsAndTheTopThree() throws Exception {
    when(api.get("d1")).thenReturn(earlyBlight("d1"));
    String html = page(get("/diagnose/d1/answers").with(GROWER));
    assertThat(html).contains("Tomato", "Sick", "Early blight", "Tomato – Late blight", "Potato – Early blight",
        "<meter", "value=\"0.91\"", "91 %").doesNotContain("hx-get");
  }

  @Test
  void showsOnlyTheCropWhenTheApiGaveOnlyTheCrop() throws Exception {
    when(api.get("d2")).thenReturn(new Diagnosis("d2", "DONE", Instant.now(), Instant.now(), "r",
        new Label("Tomato", 0.99f), null, null, null, null, false, null));
    String html = page(get("/diagnose/d2/answers").with(GROWER));
    assertThat(html).contains("Tomato").doesNotContain("Health", "Disease", "Likeliest");
  }

  @Test
  void aPendingDiagnosisAsksAgainForItsAnswers() throws Exception {
    when(api.get("d3")).thenReturn(new Diagnosis("d3", "PENDING", Instant.now(), null, null, null, null, null,
        null, null, null, null));
    String html = page(get("/diagnose/d3/answers").with(GROWER));
    assertThat(html).contains("hx-get=\"/diagnose/d3/answers\"", "hx-trigger=\"load delay:1s\"", "Diagnosing");
  }

  @Test
  void anUnknownPhotoIsExplainedInWords() throws Exception {
    when(api.get("d4")).thenReturn(new Diagnosis("d4", "DONE", Instant.now(), Instant.now(), "r",
        new Label("unknown", 0f), null, null, null, List.of(), true, null));
    String html = page(get("/diagnose/d4/answers").with(GROWER));
    assertThat(html).contains("Not recognised", "does not look like a leaf").doesNotContain("<meter");
  }

  @Test
  void sendsEachChosenPhotoAndShowsItWithItsAnswers() throws Exception {
    when(api.submit(any(), any(), any())).thenReturn(earlyBlight("a"), earlyBlight("b"));
    String html = page(multipart("/diagnose")
        .file(new MockMultipartFile("images", "one.jpg", "image/jpeg", new byte[] {1, 2, 3}))
        .file(new MockMultipartFile("images", "two.png", "image/png", new byte[] {4, 5}))
        .header("HX-Request", "true").with(GROWER).with(csrf()));
    verify(api, times(2)).submit(any(), any(), any());
    verify(api).submit(eq(new byte[] {1, 2, 3}), eq("one.jpg"), eq(MediaType.IMAGE_JPEG));
    assertThat(html).contains("one.jpg", "two.png", "src=\"data:image/jpeg;base64,AQID\"", "Early blight")
        .doesNotContain("<html");
  }

  @Test
  void anApiRefusalIsShownAsItsProblemTitleAndDetail() throws Exception {
    when(api.submitUrl("http://10.0.0.1/leaf.jpg")).thenThrow(new ApiException(422, "Refused address",
        "the URL resolves to a private address", null));
    String html = page(multipart("/diagnose").param("url", "http://10.0.0.1/leaf.jpg")
        .header("HX-Request", "true").with(GROWER).with(csrf()));
    assertThat(html).contains("Refused address", "the URL resolves to a private address")
        .doesNotContain("Exception", "at io.plantspy");
  }

  @Test
  void anUnreachableApiIsSaidInWords() throws Exception {
    when(api.get("d5")).thenThrow(new ApiException(0, null, null, new java.io.IOException("Connection refused")));
    String html = page(get("/diagnose/d5/answers").header("HX-Request", "true").with(GROWER));
    assertThat(html).contains("The service could not be reached").doesNotContain("Connection refused");
  }

  @Test
  void labelsAreFrenchWhenTheBrowserAsksForFrench() throws Exception {
    String html = page(get("/diagnose").header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").with(GROWER));
    assertThat(html).contains("lang=\"fr\"", "Diagnostiquer", "Photos de feuilles", "Se déconnecter");
  }

  @Test
  void theLanguageSwitchOverridesTheBrowserAndIsRemembered() throws Exception {
    var response = mvc.perform(get("/diagnose").param("lang", "en").header("Accept-Language", "fr").with(GROWER))
        .andExpect(status().isOk()).andReturn().getResponse();
    assertThat(response.getContentAsString()).contains("Leaf photos");
    assertThat(response.getCookie("plantspy-lang")).isNotNull();
    assertThat(response.getCookie("plantspy-lang").getValue()).isEqualTo("en");
  }
}
