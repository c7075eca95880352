package io.plantspy.web.api;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An image read from a PlantSpy API and passed through to the browser's {@code <img>}, cached privately. */
public final class ApiImages {

  private ApiImages() {}

  public static ResponseEntity<byte[]> passThrough(MediaType type, Duration maxAge, Supplier<byte[]> read) {
    try {
      return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(maxAge).cachePrivate())
          .body(read.get());
    } catch (ApiException e) {
      // An <img> shows its alt text for any failure; no page is rendered into it.
      return ResponseEntity.status(e.status() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY).build();
    }
  }
}
