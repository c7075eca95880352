package io.plantspy.processor.images;

import io.plantspy.model.image.InvalidImageException;
import java.util.Optional;

/**
 * A blob store holding claim-checked images (a request carries an {@code ImageReference} instead of the bytes).
 * Implementations must be safe to call from several stream threads at once.
 */
public interface ClaimCheckStore {

  /**
   * The image's bytes, or empty when the store has no image with that id (answered IMAGE_NOT_FOUND).
   *
   * @throws InvalidImageException with reason TOO_LARGE when the stored image exceeds the size limit, so that
   *     it is refused before being read into memory
   * @throws RuntimeException when the store cannot be reached; the batch is then retried rather than answered
   */
  Optional<byte[]> fetch(String id) throws InvalidImageException;
}
