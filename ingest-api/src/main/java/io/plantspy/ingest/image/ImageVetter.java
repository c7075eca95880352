package io.plantspy.ingest.image;

import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.model.image.ImageInfo;
import io.plantspy.model.image.ImageInspector;
import io.plantspy.model.image.InvalidImageException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks image bytes with the model's {@link ImageInspector} (size, magic bytes, header dimensions and pixel
 * count, no decoding) and turns a refusal into the matching problem: 400 empty or corrupt, 413 too big in bytes,
 * dimensions or pixels (the decompression-bomb guard), 415 not JPEG, PNG or WebP.
 */
@Component
public class ImageVetter {

  private final ImageInspector inspector;

  public ImageVetter(ImageProperties properties) {
    this.inspector = new ImageInspector(properties.limits());
  }

  public ImageInfo vet(byte[] bytes) {
    try {
      return inspector.inspect(bytes);
    } catch (InvalidImageException e) {
      throw toProblem(e);
    }
  }

  static ApiProblem toProblem(InvalidImageException e) {
    return switch (e.reason()) {
      case EMPTY -> new ApiProblem(HttpStatus.BAD_REQUEST, "empty-image", "Empty image", e.getMessage());
      case CORRUPT -> new ApiProblem(HttpStatus.BAD_REQUEST, "corrupt-image", "Corrupt image", e.getMessage());
      case TOO_LARGE -> new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "Image too large",
          e.getMessage());
      case DIMENSIONS_TOO_LARGE, TOO_MANY_PIXELS -> new ApiProblem(HttpStatus.CONTENT_TOO_LARGE,
          "image-dimensions-too-large", "Image dimensions too large", e.getMessage());
      case UNSUPPORTED_FORMAT -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-format",
          "Unsupported image format", e.getMessage());
    };
  }
}
