package io.plantspy.web.diagnose;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.Diagnosis;
import java.util.Base64;

/**
 * One photo the user sent, as its card shows it: the photo itself (as a {@code data:} URL, for uploads), its name,
 * and either the diagnosis so far or why the API refused it.
 */
record Submitted(String name, String photo, Diagnosis diagnosis, ApiException problem) {

  /** Uploads larger than this are not echoed back into the page: the card then shows the name alone. */
  static final int MAX_ECHOED_BYTES = 4 * 1024 * 1024;

  static Submitted upload(String name, byte[] bytes, String contentType, Diagnosis diagnosis, ApiException problem) {
    return new Submitted(name, photo(bytes, contentType), diagnosis, problem);
  }

  static Submitted url(String url, Diagnosis diagnosis, ApiException problem) {
    return new Submitted(url, null, diagnosis, problem);
  }

  private static String photo(byte[] bytes, String contentType) {
    if (bytes.length > MAX_ECHOED_BYTES || contentType == null || !contentType.startsWith("image/")) {
      return null;
    }
    return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }
}
