package io.plantspy.web.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.LabApi;
import io.plantspy.web.api.LabClasses;
import io.plantspy.web.api.LabClasses.ClassCount;
import io.plantspy.web.api.LabSample;
import io.plantspy.web.api.LabSamplePage;
import io.plantspy.web.api.LabUploadResult;
import io.plantspy.web.api.RunPage;
import io.plantspy.web.api.TrainerApi;
import io.plantspy.web.api.TrainingRun;
import io.plantspy.web.api.UploadedFile;
import io.plantspy.web.diagnose.ClassNames;
import io.plantspy.web.home.ApiErrorPages;
import io.plantspy.web.home.Figures;
import io.plantspy.web.i18n.LanguageConfig;
import io.plantspy.web.security.SecurityConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Lab page: counts, the user's own samples, uploads checked before sending, withdrawal and live runs. */
@WebMvcTest(LabController.class)
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, Figures.class, ApiErrorPages.class})
class LabControllerTest {

  private static final RequestPostProcessor LAB = oauth2Login()
      .authorities(new SimpleGrantedAuthority("ROLE_lab"))
      .attributes(a -> a.put("sub", "sub-lab"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  LabApi lab;

  @MockitoBean
  TrainerApi trainer;

  private static LabSample sample(String id, String label, String owner) {
    return new LabSample(id, "LIVE", label, "ab", null, null, null, null, owner, Instant.parse(
        "2026-11-28T10:00:00Z"), "image/jpeg", 20_480, null);
  }

  private static TrainingRun run(String id, String status, double fraction) {
    return new TrainingRun(id, "DEMAND", "admin", status, Instant.parse("2026-11-28T10:00:00Z"), null, null,
        new TrainingRun.Progress("training", fraction, "epoch 3 of 10"), 7L, 12, null, null);
  }

  private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void showsTheCountsPerClassAndOnlyTheUsersOwnSamples() throws Exception {
    when(lab.classes()).thenReturn(new LabClasses("2026-11-28-plantvillage31", "plantvillage", List.of(
        new ClassCount("Tomato___Early_blight", 3, 1000L, true),
        new ClassCount("Tomato___Webtest", 2, 0L, false))));
    when(lab.newest(anyInt())).thenReturn(new LabSamplePage(List.of(
        sample("mine-1", "Tomato___Webtest", "sub-lab"), sample("theirs-1", "Tomato___Early_blight", "sub-other")),
        0, 100, 2));
    when(trainer.runs(anyInt())).thenReturn(new RunPage(List.of(), 0, 10, 0));

    String page = html(get("/lab").with(LAB));

    assertThat(page).contains("data-label=\"Tomato___Early_blight\"", "Tomato – Webtest", "2026-11-28-plantvillage31",
        "sample-mine-1", "/lab/samples/mine-1/withdraw", "20 KiB").doesNotContain("theirs-1");
  }

  @Test
  void aRefusedClassListOrRunListLeavesTheRestOfThePageShown() throws Exception {
    when(lab.classes()).thenThrow(new ApiException(503, "Store unavailable", "retry later", null));
    when(lab.newest(anyInt())).thenReturn(new LabSamplePage(List.of(), 0, 100, 0));
    when(trainer.runs(anyInt())).thenThrow(new ApiException(0, null, null, null));

    String page = html(get("/lab").with(LAB));

    assertThat(page).contains("Store unavailable", "retry later", "The service could not be reached",
        "id=\"lab-upload\"");
  }

  @Test
  void uploadsEveryChosenPhotoUnderTheTypedNewClassRatherThanTheChosenOne() throws Exception {
    when(lab.upload(anyString(), anyList())).thenReturn(new LabUploadResult("Tomato___Webtest", List.of(
        new LabUploadResult.Outcome(1, "a.jpg", "aa", "s1", null),
        new LabUploadResult.Outcome(2, "b.png", "bb", "s2", null)), List.of(), Map.of("Tomato___Webtest", 2L)));

    mvc.perform(multipart("/lab/samples")
            .file(new MockMultipartFile("images", "a.jpg", "image/jpeg", new byte[] {1, 2}))
            .file(new MockMultipartFile("images", "b.png", "image/png", new byte[] {3}))
            .param("knownLabel", "Tomato___healthy").param("newLabel", " Tomato___Webtest ")
            .with(LAB).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/lab"))
        .andExpect(flash().attributeExists("uploaded"));

    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<UploadedFile>> photos = ArgumentCaptor.forClass(List.class);
    verify(lab).upload(eq("Tomato___Webtest"), photos.capture());
    assertThat(photos.getValue()).extracting(UploadedFile::filename).containsExactly("a.jpg", "b.png");
    assertThat(photos.getValue().get(0).bytes()).containsExactly(1, 2);
  }

  @Test
  void aMisspelledClassIsExplainedWithoutCallingTheApi() throws Exception {
    mvc.perform(multipart("/lab/samples")
            .file(new MockMultipartFile("images", "a.jpg", "image/jpeg", new byte[] {1}))
            .param("newLabel", "tomato late blight").with(LAB).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("failed", "lab.badLabel"));
    verify(lab, never()).upload(any(), any());

    when(lab.classes()).thenReturn(new LabClasses(null, null, List.of()));
    when(lab.newest(anyInt())).thenReturn(new LabSamplePage(List.of(), 0, 100, 0));
    when(trainer.runs(anyInt())).thenReturn(new RunPage(List.of(), 0, 10, 0));
    String page = html(get("/lab").with(LAB).flashAttr("failed", "lab.badLabel")
        .flashAttr("badLabel", "tomato late blight"));
    assertThat(page).contains("&#39;tomato late blight&#39; is not a class name");
  }

  @Test
  void theApisRefusalOfAnUploadIsShownAsItsProblem() throws Exception {
    when(lab.upload(anyString(), anyList())).thenThrow(new ApiException(415, "Unsupported image format",
        "part 2 (b.gif) is not JPEG, PNG or WebP", null));

    ApiException shown = (ApiException) mvc.perform(multipart("/lab/samples")
            .file(new MockMultipartFile("images", "b.gif", "image/gif", new byte[] {1}))
            .param("knownLabel", "Tomato___healthy").with(LAB).with(csrf()))
        .andExpect(status().isFound())
        .andReturn().getFlashMap().get("problem");
    assertThat(shown.title()).isEqualTo("Unsupported image format");

    when(lab.classes()).thenReturn(new LabClasses(null, null, List.of()));
    when(lab.newest(anyInt())).thenReturn(new LabSamplePage(List.of(), 0, 100, 0));
    when(trainer.runs(anyInt())).thenReturn(new RunPage(List.of(), 0, 10, 0));
    assertThat(html(get("/lab").with(LAB).flashAttr("problem", shown)))
        .contains("Unsupported image format", "part 2 (b.gif) is not JPEG, PNG or WebP");
  }

  @Test
  void withdrawingASampleCallsTheApiAndSaysWhichClassItLeft() throws Exception {
    when(lab.withdraw("s1")).thenReturn(sample("s1", "Tomato___Webtest", "sub-lab"));

    mvc.perform(post("/lab/samples/s1/withdraw").with(LAB).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attributeExists("withdrawn"));
    verify(lab).withdraw("s1");
  }

  @Test
  void theRunsAskAgainOnlyWhileOneIsQueuedOrRunning() throws Exception {
    when(trainer.runs(anyInt())).thenReturn(new RunPage(List.of(run("r2", "RUNNING", 0.4),
        run("r1", "SUCCEEDED", 1)), 0, 10, 2));
    assertThat(html(get("/lab/runs").with(LAB))).contains("hx-get=\"/lab/runs\"", "value=\"0.4\"",
        "training: epoch 3 of 10", "Running").doesNotContain("<html");

    when(trainer.runs(anyInt())).thenReturn(new RunPage(List.of(run("r2", "SUCCEEDED", 1)), 0, 10, 1));
    assertThat(html(get("/lab/runs").with(LAB))).contains("Finished").doesNotContain("hx-get");
  }
}
