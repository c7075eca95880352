package io.plantspy.web.api;

import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The ingest API's diagnoses, called as the signed-in user. */
@Component
public class DiagnosisApi {

  private static final String DIAGNOSES = "/api/v1/diagnoses";

  private final RestClient ingest;

  DiagnosisApi(@Qualifier("ingestClient") RestClient ingestClient) {
    this.ingest = ingestClient;
  }

  /** Submits an uploaded photo without waiting: the answer is usually still pending. */
  public Diagnosis submit(byte[] photo, String filename, MediaType type) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(type);
    part.setContentDispositionFormData("image", filename == null || filename.isBlank() ? "photo" : filename);
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("image", new HttpEntity<>(photo, part));
    return ApiErrors.call(() -> ingest.post().uri(DIAGNOSES)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(body)
        .retrieve()
        .body(Diagnosis.class));
  }

  /** Has the API fetch the photo at {@code url} and diagnose it, without waiting. */
  public Diagnosis submitUrl(String url) {
    return ApiErrors.call(() -> ingest.post().uri(DIAGNOSES)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("url", url))
        .retrieve()
        .body(Diagnosis.class));
  }

  public Diagnosis get(String id) {
    return ApiErrors.call(() -> ingest.get().uri(DIAGNOSES + "/{id}", id).retrieve().body(Diagnosis.class));
  }
}
