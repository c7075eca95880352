package io.plantspy.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.Job;
import io.plantspy.web.api.JobApi;
import io.plantspy.web.api.JobPage;
import io.plantspy.web.diagnose.ClassNames;
import io.plantspy.web.home.ApiErrorPages;
import io.plantspy.web.i18n.LanguageConfig;
import io.plantspy.web.security.SecurityConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Jobs page: what it streams to the API, how it shows jobs and their progress, cancel, CSV, and who may. */
@WebMvcTest(JobsController.class)
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, ApiErrorPages.class})
class JobsControllerTest {

  private static final RequestPostProcessor GROWER = oauth2Login().authorities(
      new SimpleGrantedAuthority("ROLE_category"), new SimpleGrantedAuthority("ROLE_health"),
      new SimpleGrantedAuthority("ROLE_disease"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  JobApi api;

  private static Job job(String id, String status, long total, long completed) {
    return new Job(id, status, "zip", new Job.Counts(total, completed, 0, 0), Instant.parse("2026-11-28T10:00:00Z"),
        null, null);
  }

  /** What the page streamed to the API for the submitted job: each entry's name and bytes. */
  private final Map<String, String> sent = new LinkedHashMap<>();

  private void captureZip() {
    when(api.submitZip(any())).thenAnswer(call -> {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      StreamingHttpOutputMessage.Body writer = call.getArgument(0);
      writer.writeTo(body);
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body.toByteArray()))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          sent.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      return job("j1", "in_progress", sent.size(), 0);
    });
  }

  @Test
  void aFoldersPhotosAreSentAsOneZipWithUniqueNamesAndItsOtherFilesLeftOut() throws Exception {
    captureZip();
    mvc.perform(multipart("/jobs").with(GROWER).with(csrf())
            .file(new MockMultipartFile("photos", "leaves/a.jpg", "image/jpeg", "A".getBytes()))
            .file(new MockMultipartFile("photos", "leaves/more/a.jpg", "image/jpeg", "A2".getBytes()))
            .file(new MockMultipartFile("photos", "leaves/b.PNG", "image/png", "B".getBytes()))
            .file(new MockMultipartFile("photos", "leaves/.DS_Store", "application/octet-stream", "x".getBytes()))
            .file(new MockMultipartFile("photos", "leaves/notes.txt", "text/plain", "n".getBytes())))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/jobs"));

    assertThat(sent).containsExactly(Map.entry("a.jpg", "A"), Map.entry("2-a.jpg", "A2"), Map.entry("b.PNG", "B"));
  }

  @Test
  void anUploadedZipIsPassedThroughByteForByte() throws Exception {
    byte[] archive = "PK-not-really-a-zip".getBytes(StandardCharsets.UTF_8);
    List<byte[]> streamed = new ArrayList<>();
    when(api.submitZip(any())).thenAnswer(call -> {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      ((StreamingHttpOutputMessage.Body) call.getArgument(0)).writeTo(body);
      streamed.add(body.toByteArray());
      return job("j2", "in_progress", 3, 0);
    });
    mvc.perform(multipart("/jobs").with(GROWER).with(csrf())
            .file(new MockMultipartFile("archive", "leaves.zip", "application/zip", archive)))
        .andExpect(status().isFound());
    assertThat(streamed).singleElement().isEqualTo(archive);
  }

  @Test
  void nothingChosenOrARefusedJobIsSaidOnThePage() throws Exception {
    when(api.list(0, JobsController.PAGE_SIZE)).thenReturn(new JobPage(List.of(), 0, 10, 0));
    String empty = mvc.perform(multipart("/jobs").with(GROWER).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(empty).contains("Choose a folder or a zip archive first.");
    verify(api, never()).submitZip(any());

    when(api.submitZip(any())).thenThrow(new ApiException(422, "Hostile archive", "evil.zip climbs out", null));
    String refused = mvc.perform(multipart("/jobs").with(GROWER).with(csrf())
            .file(new MockMultipartFile("archive", "evil.zip", "application/zip", new byte[] {1})))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("role=\"alert\"", "Hostile archive", "evil.zip climbs out");
  }

  @Test
  void anUnfinishedJobPollsItsRowWithAProgressBarAndAFinishedOneStops() throws Exception {
    when(api.list(0, JobsController.PAGE_SIZE)).thenReturn(new JobPage(
        List.of(job("run", "in_progress", 10, 4), job("done", "completed", 3, 3)), 0, 10, 2));

    String html = mvc.perform(get("/jobs").with(GROWER)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(html).contains("hx-get=\"/jobs/run/row\"", "value=\"40\"", "4 of 10 done",
        "href=\"/jobs/done/results.csv\"", "value=\"100\"").doesNotContain("hx-get=\"/jobs/done/row\"");
    assertThat(html).contains("hx-post=\"/jobs/run/cancel\"").doesNotContain("hx-post=\"/jobs/done/cancel\"");

    when(api.get("run")).thenReturn(job("run", "completed", 10, 10));
    String row = mvc.perform(get("/jobs/run/row").with(GROWER)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(row).contains("data-status=\"completed\"", "10 of 10 done").doesNotContain("hx-get");
  }

  @Test
  void cancellingNeedsTheCsrfToken() throws Exception {
    when(api.cancel("run")).thenReturn(job("run", "cancelling", 10, 4));
    mvc.perform(post("/jobs/run/cancel").with(GROWER)).andExpect(status().isForbidden());
    verify(api, never()).cancel(any());

    mvc.perform(post("/jobs/run/cancel").with(GROWER).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("data-status=\"cancelling\"")));
    verify(api).cancel("run");
  }

  @Test
  void theResultsCsvIsStreamedThroughAsAnAttachment() throws Exception {
    doAnswer(call -> {
      ((Runnable) call.getArgument(1)).run();
      OutputStream out = call.getArgument(2);
      out.write("customId,status\na.jpg,completed\n".getBytes(StandardCharsets.UTF_8));
      return null;
    }).when(api).resultsCsv(eq("j1"), any(), any());

    mvc.perform(get("/jobs/j1/results.csv").with(GROWER))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"job-j1.csv\""))
        .andExpect(content().string("customId,status\na.jpg,completed\n"));
  }

  @Test
  void signedOutVisitorsAreSentToSignInAndUsersWithoutADiagnosisRoleAreForbidden() throws Exception {
    mvc.perform(get("/jobs")).andExpect(status().isFound())
        .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
    mvc.perform(get("/jobs").with(oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_lab"))))
        .andExpect(status().isForbidden());
  }
}
