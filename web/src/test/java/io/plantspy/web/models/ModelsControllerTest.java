package io.plantspy.web.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.ClassScore;
import io.plantspy.web.api.Release;
import io.plantspy.web.api.RunPage;
import io.plantspy.web.api.TrainerApi;
import io.plantspy.web.api.TrainingRun;
import io.plantspy.web.diagnose.ClassNames;
import io.plantspy.web.home.ApiErrorPages;
import io.plantspy.web.home.Figures;
import io.plantspy.web.i18n.LanguageConfig;
import io.plantspy.web.security.SecurityConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Models pages: releases with metrics and aliases, a run's comparison and decision, promotion for admins. */
@WebMvcTest(ModelsController.class)
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, Figures.class, ApiErrorPages.class})
class ModelsControllerTest {

  private static final RequestPostProcessor ADMIN = oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_admin"));
  private static final RequestPostProcessor LAB = oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_lab"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  TrainerApi trainer;

  @BeforeEach
  void registry() {
    when(trainer.releases()).thenReturn(List.of(
        new Release("2026-11-29-challenger", Instant.parse("2026-11-29T08:00:00Z"), List.of("a___b", "c___d"),
            Map.of("top1_accuracy", 0.932, "images", 1900.0), "ff", "run-7", false,
            List.of("Tomato___healthy lost 6.0 points (p = 0.01)"), List.of("challenger")),
        new Release("2026-11-28-plantvillage31", Instant.parse("2026-11-28T08:00:00Z"), List.of("a___b"),
            Map.of("top1_accuracy", 0.9652), "ee", null, null, List.of(), List.of("champion"))));
    when(trainer.runs(anyInt())).thenReturn(new RunPage(List.of(), 0, 10, 0));
  }

  private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void listsEachReleaseWithItsMetricsAliasesAndTheDecisionThatMadeIt() throws Exception {
    String page = html(get("/models").with(LAB));

    assertThat(page).contains("2026-11-28-plantvillage31", "champion", "challenger", "96.5 %", "93.2 %",
        "1900", "Not promoted: the champion was kept", "Tomato___healthy lost 6.0 points (p = 0.01)",
        "/models/runs/run-7", "/models/releases/2026-11-28-plantvillage31");
  }

  @Test
  void offersPromotionToAdminsOnlyAndNeverForTheChampion() throws Exception {
    assertThat(html(get("/models").with(LAB))).doesNotContain("/promote");

    String admin = html(get("/models").with(ADMIN));
    assertThat(admin).contains("/models/2026-11-29-challenger/promote", "data-confirm=\"Make 2026-11-29-challenger")
        .doesNotContain("/models/2026-11-28-plantvillage31/promote");
  }

  @Test
  void anAdminsPromotionIsSentAndSaid() throws Exception {
    when(trainer.promote("2026-11-29-challenger")).thenReturn(new Release("2026-11-29-challenger", null, null,
        null, null, null, null, null, List.of("champion")));

    mvc.perform(post("/models/2026-11-29-challenger/promote").with(ADMIN).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/models"))
        .andExpect(flash().attribute("promoted", "2026-11-29-challenger"));
    verify(trainer).promote("2026-11-29-challenger");
  }

  @Test
  void aPromotionTheServiceRefusesIsShownAsItsProblem() throws Exception {
    ApiException refused = new ApiException(404, "Not found", "release nope not found", null);
    when(trainer.promote("nope")).thenThrow(refused);

    mvc.perform(post("/models/nope/promote").with(ADMIN).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attributeExists("problem"));
    assertThat(html(get("/models").with(ADMIN).flashAttr("problem", refused.withoutCause())))
        .contains("Not found", "release nope not found");
  }

  @Test
  void aRunShowsBothModelsPerClassAndTheDecisionWithItsReasons() throws Exception {
    when(trainer.run("run-7")).thenReturn(new TrainingRun("run-7", "SAMPLES", "trainer", "SUCCEEDED",
        Instant.parse("2026-11-29T07:00:00Z"), null, Instant.parse("2026-11-29T07:05:00Z"),
        new TrainingRun.Progress("done", 1, "finished"), 42L, 900, null,
        new TrainingRun.Outcome("2026-11-29-challenger", 1200, 0.75, 0.932, List.of(
            new TrainingRun.ClassRow("Tomato___healthy", 24, 0.95, 0.89),
            new TrainingRun.ClassRow("Tomato___Target_Spot", 60, null, 0.883)),
            new TrainingRun.McNemar(12, 230, 0.0001, "exact"), false,
            List.of("Tomato___healthy lost 6.0 points (p = 0.01)"))));

    String page = html(get("/models/runs/run-7").with(LAB));

    assertThat(page).contains("Not promoted: the champion was kept", "Tomato___healthy lost 6.0 points",
        "75.0 %", "93.2 %", "Tomato – healthy", "95.0 %", "89.0 %", "−6.0 %", "new class", "88.3 %",
        "only the champion right: 12, only the challenger right: 230, p = 0.0001").doesNotContain("hx-get");
  }

  @Test
  void aRunStillGoingAsksForItsPageAgainUntilItEnds() throws Exception {
    when(trainer.run("run-8")).thenReturn(new TrainingRun("run-8", "DEMAND", "admin", "RUNNING",
        Instant.parse("2026-11-29T07:00:00Z"), Instant.parse("2026-11-29T07:00:05Z"), null,
        new TrainingRun.Progress("embedding", 0.25, "embedding 225 of 900 photos"), 42L, 900, null, null));

    String page = html(get("/models/runs/run-8").with(ADMIN));

    assertThat(page).contains("hx-get=\"/models/runs/run-8\"", "hx-select=\"#run-live\"", "value=\"0.25\"",
        "embedding: embedding 225 of 900 photos", "The run has not finished yet.");
  }

  @Test
  void aReleaseShowsItsScoresPerClassAndItsConfusionMatrix() throws Exception {
    when(trainer.release("2026-11-28-plantvillage31")).thenReturn(champion());
    when(trainer.classScores("2026-11-28-plantvillage31")).thenReturn(List.of(
        new ClassScore("Tomato___Early_blight", 0.9, 0.95, 0.9243, 60)));

    String page = html(get("/models/releases/2026-11-28-plantvillage31").with(LAB));

    assertThat(page).contains("Release 2026-11-28-plantvillage31", "96.5 %", "Tomato – Early blight", "60",
        "90.0 %", "95.0 %", "92.4 %", "src=\"/models/releases/2026-11-28-plantvillage31/confusion-matrix.png\"",
        "one row per true class");
  }

  @Test
  void aReleaseWithoutAnEvaluationSaysSoAndDrawsNoMatrix() throws Exception {
    when(trainer.release("2026-11-28-plantvillage31")).thenReturn(champion());
    when(trainer.classScores("2026-11-28-plantvillage31"))
        .thenThrow(new ApiException(404, "Not found", "carries no evaluation/per-class.csv", null));

    String page = html(get("/models/releases/2026-11-28-plantvillage31").with(ADMIN));

    assertThat(page).contains("This release carries no evaluation of its own.").doesNotContain("confusion-matrix.png");
  }

  @Test
  void theConfusionMatrixIsPassedThroughAsAPngForLabAndAdminOnly() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    when(trainer.confusionMatrix("r1")).thenReturn(png);
    when(trainer.confusionMatrix("gone")).thenThrow(new ApiException(404, "Not found", "no release gone", null));

    mvc.perform(get("/models/releases/r1/confusion-matrix.png").with(LAB)).andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.IMAGE_PNG)).andExpect(content().bytes(png));
    mvc.perform(get("/models/releases/gone/confusion-matrix.png").with(ADMIN)).andExpect(status().isNotFound());
    mvc.perform(get("/models/releases/r1/confusion-matrix.png")
        .with(oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_disease")))).andExpect(status().isForbidden());
  }

  private static Release champion() {
    return new Release("2026-11-28-plantvillage31", Instant.parse("2026-11-28T08:00:00Z"), List.of("a___b"),
        Map.of("top1_accuracy", 0.9652), "ee", null, null, List.of(), List.of("champion"));
  }
}
