package io.plantspy.web.api;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The ingest API's lab samples ({@code /api/v1/lab}, role {@code lab}), called as the signed-in user. */
@Component
public class LabApi {

  private static final String LAB = "/api/v1/lab";

  private final RestClient ingest;

  LabApi(@Qualifier("ingestClient") RestClient ingest) {
    this.ingest = ingest;
  }

  public LabClasses classes() {
    return ApiErrors.call(() -> ingest.get().uri(LAB + "/classes").retrieve().body(LabClasses.class));
  }

  /** The newest samples of every lab, {@code size} of them (at most the API's page maximum, 100 by default). */
  public LabSamplePage newest(int size) {
    return ApiErrors.call(() -> ingest.get().uri(LAB + "/samples?page=0&size={size}", size)
        .retrieve().body(LabSamplePage.class));
  }

  /** Uploads the photos as samples of {@code label}: all stored, or none when the API refuses one. */
  public LabUploadResult upload(String label, List<UploadedFile> photos) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    for (UploadedFile photo : photos) {
      HttpHeaders part = new HttpHeaders();
      part.setContentType(photo.type());
      part.setContentDispositionFormData("image", photo.filename() == null || photo.filename().isBlank()
          ? "photo" : photo.filename());
      body.add("image", new HttpEntity<>(photo.bytes(), part));
    }
    body.add("label", label);
    return ApiErrors.call(() -> ingest.post().uri(LAB + "/samples")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(body)
        .retrieve()
        .body(LabUploadResult.class));
  }

  /** Takes one of the user's samples out of the counts and of the next training run. */
  public LabSample withdraw(String id) {
    return ApiErrors.call(() -> ingest.delete().uri(LAB + "/samples/{id}", id).retrieve().body(LabSample.class));
  }
}
