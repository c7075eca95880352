package io.plantspy.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The ingest API's diagnosis calls: what is sent, how answers and RFC 9457 problems are read. */
class DiagnosisApiTest {

  private final RestClient.Builder builder = RestClient.builder().baseUrl("http://api");
  private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
  private final DiagnosisApi api = new DiagnosisApi(builder.build());

  @Test
  void uploadsThePhotoAsTheImagePartAndReadsThePendingDiagnosis() {
    server.expect(requestTo("http://api/api/v1/diagnoses"))
        .andExpect(method(HttpMethod.POST))
        .andExpect(content().contentTypeCompatibleWith(MediaType.MULTIPART_FORM_DATA))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(
            "name=\"image\"; filename=\"leaf.jpg\"")))
        .andRespond(withStatus(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON)
            .body("{\"id\":\"abc\",\"status\":\"PENDING\",\"createdAt\":\"2026-11-28T10:00:00Z\"}"));

    Diagnosis d = api.submit(new byte[] {1, 2}, "leaf.jpg", MediaType.IMAGE_JPEG);

    assertThat(d.id()).isEqualTo("abc");
    assertThat(d.pending()).isTrue();
    server.verify();
  }

  @Test
  void readsTheAnswersTheUserMaySee() {
    server.expect(requestTo("http://api/api/v1/diagnoses/abc"))
        .andRespond(withSuccess("{\"id\":\"abc\",\"status\":\"DONE\",\"category\":{\"label\":\"Tomato\","
            + "\"confidence\":0.98},\"unknown\":false}", MediaType.APPLICATION_JSON));

    Diagnosis d = api.get("abc");

    assertThat(d.category().label()).isEqualTo("Tomato");
    assertThat(d.category().confidence()).isEqualTo(0.98f);
    assertThat(d.disease()).isNull();
    assertThat(d.isUnknown()).isFalse();
  }

  @Test
  void aProblemAnswerBecomesItsTitleAndDetail() {
    server.expect(requestTo("http://api/api/v1/diagnoses"))
        .andRespond(withStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body("{\"type\":\"about:blank\",\"title\":\"Unsupported image format\",\"status\":415,"
                + "\"detail\":\"only JPEG, PNG and WebP are accepted\"}"));

    ApiException e = catchThrowableOfType(ApiException.class,
        () -> api.submit(new byte[] {1}, "x.gif", MediaType.IMAGE_GIF));

    assertThat(e.status()).isEqualTo(415);
    assertThat(e.title()).isEqualTo("Unsupported image format");
    assertThat(e.detail()).isEqualTo("only JPEG, PNG and WebP are accepted");
  }

  @Test
  void anAnswerThatIsNoProblemDocumentKeepsItsStatusText() {
    server.expect(requestTo("http://api/api/v1/diagnoses/x"))
        .andRespond(withStatus(HttpStatus.BAD_GATEWAY).contentType(MediaType.TEXT_HTML).body("<html>proxy</html>"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> api.get("x"));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.title()).isEqualTo("Bad Gateway");
    assertThat(e.detail()).isNull();
  }
}
