package io.plantspy.web.api;

import java.io.OutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The ingest API's bulk jobs, called as the signed-in user. A job's zip and its CSV results are streamed through,
 * never held whole in memory.
 */
@Component
public class JobApi {

  private static final String JOBS = "/api/v1/jobs";
  private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
  private static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private final RestClient ingest;
  private final RestClient uploads;
  private final OAuth2AuthorizedClientManager tokens;

  JobApi(RestClient ingestClient, ApiProperties api, OAuth2AuthorizedClientManager tokens) {
    this.ingest = ingestClient;
    this.tokens = tokens;
    // Without interceptors: a RestClient with any interceptor buffers the whole request body in memory before
    // sending it, which a job's zip must never be. The user's token is set on each upload instead.
    this.uploads = RestClient.builder()
        .baseUrl(api.ingestUrl().toString())
        .requestFactory(ApiClients.requests(api, api.uploadTimeout()))
        .build();
  }

  /** Submits a zip archive, written by {@code zip} straight into the request body as it is sent. */
  public Job submitZip(StreamingHttpOutputMessage.Body zip) {
    String token = accessToken();
    return ApiErrors.call(() -> uploads.post().uri(JOBS)
        .contentType(ZIP)
        .headers(headers -> headers.setBearerAuth(token))
        .body(zip)
        .retrieve()
        .body(Job.class));
  }

  /** The signed-in user's access token, refreshed if it has expired (what the relay does for other calls). */
  private String accessToken() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    OAuth2AuthorizedClient client = tokens.authorize(OAuth2AuthorizeRequest
        .withClientRegistrationId(ApiClients.REGISTRATION_ID).principal(user).build());
    if (client == null) {
      throw new ApiException(401, "Signed out", "sign in again to submit a job", null);
    }
    return client.getAccessToken().getTokenValue();
  }

  public JobPage list(int page, int size) {
    return ApiErrors.call(() -> ingest.get().uri(JOBS + "?page={page}&size={size}", page, size)
        .retrieve().body(JobPage.class));
  }

  public Job get(String id) {
    return ApiErrors.call(() -> ingest.get().uri(JOBS + "/{id}", id).retrieve().body(Job.class));
  }

  public Job cancel(String id) {
    return ApiErrors.call(() -> ingest.post().uri(JOBS + "/{id}/cancel", id).retrieve().body(Job.class));
  }

  /**
   * Copies the job's results as CSV to {@code out} as they arrive; {@code beforeBody} runs once the API has answered
   * 200 (to set the response's headers) and before the first byte is copied.
   */
  public void resultsCsv(String id, Runnable beforeBody, OutputStream out) {
    ApiErrors.call(() -> ingest.get().uri(JOBS + "/{id}/results", id)
        .header(HttpHeaders.ACCEPT, CSV.toString())
        .exchange((request, response) -> {
          if (response.getStatusCode().isError()) {
            throw ApiErrors.fromProblem(response.getStatusCode().value(), response.getStatusText(),
                readProblem(response));
          }
          beforeBody.run();
          response.getBody().transferTo(out);
          return null;
        }));
  }

  private static ProblemDetail readProblem(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
    try {
      return response.bodyTo(ProblemDetail.class);
    } catch (RuntimeException unreadable) {
      // Not a problem document: the status text is all there is.
      return null;
    }
  }
}
