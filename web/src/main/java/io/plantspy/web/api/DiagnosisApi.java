package io.plantspy.web.api;

import java.util.LinkedHashMap;
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

  /** One page of the user's own diagnoses, newest first, filtered as asked (blank filters are left out). */
  public HistoryPage history(HistoryQuery q) {
    Map<String, String> filters = new LinkedHashMap<>();
    putIfPresent(filters, "class", q.className());
    putIfPresent(filters, "from", q.from());
    putIfPresent(filters, "to", q.to());
    putIfPresent(filters, "source", q.source());
    return ApiErrors.call(() -> ingest.get().uri(uri -> {
      uri.path(DIAGNOSES).queryParam("page", q.page()).queryParam("size", q.size());
      // As URI variables, so that whatever the user typed is encoded as a value (an & stays inside it).
      filters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
      return uri.build(filters);
    }).retrieve().body(HistoryPage.class));
  }

  /** The JPEG thumbnail the API kept of one of the user's diagnoses (a few kilobytes). */
  public byte[] thumbnail(String id) {
    return ApiErrors.call(() -> ingest.get().uri(DIAGNOSES + "/{id}/thumbnail", id)
        .accept(MediaType.IMAGE_JPEG)
        .retrieve()
        .body(byte[].class));
  }

  /** The user's own statistics over the last {@code days}, as the API's JSON (handed to the Dashboard's script). */
  public String stats(int days) {
    return ApiErrors.call(() -> ingest.get().uri(DIAGNOSES + "/stats?days={days}", days)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(String.class));
  }

  /** The platform's throughput and backlog over the last {@code minutes}, as the API's JSON (admins only). */
  public String platformStats(int minutes) {
    return ApiErrors.call(() -> ingest.get().uri("/api/v1/platform/stats?minutes={minutes}", minutes)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(String.class));
  }

  private static void putIfPresent(Map<String, String> filters, String name, String value) {
    if (value != null && !value.isBlank()) {
      filters.put(name, value.trim());
    }
  }
}
