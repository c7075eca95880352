package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class PlatformApiTest {

  @Test
  void anUploadDeclaresItsLengthSoTheApiBudgetsWhatIsSentNotTheImageCap() {
    PlatformApi api = new PlatformApi("http://127.0.0.1:1/api/v1/diagnoses", "token");
    byte[] photo = new byte[12_345];

    HttpRequest upload = api.upload(photo, "leaf.jpg", "?wait=60s");

    // -1 (chunked) made the API reserve ~20 MB per upload: three waiting uploads per caller, then 429.
    long length = upload.bodyPublisher().orElseThrow().contentLength();
    assertThat(length).isGreaterThan(photo.length).isLessThan(photo.length + 1024);
  }
}
