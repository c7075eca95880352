package io.plantspy.processor.images;

import io.plantspy.model.image.InvalidImageException;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.InlineImage;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request's image (inline bytes or a claim-check reference) into bytes, choosing the blob store by the
 * reference's {@code store} name. A reference to a store this processor does not know is answered like a missing
 * image: the request cannot be served here, and retrying would not change that.
 */
public final class ImageResolver {

  private final Map<String, ClaimCheckStore> stores;

  public ImageResolver(Map<String, ClaimCheckStore> stores) {
    this.stores = Map.copyOf(stores);
  }

  /** A resolver that only handles inline images. */
  public static ImageResolver inlineOnly() {
    return new ImageResolver(Map.of());
  }

  /** The bytes, or empty when a referenced image does not exist. */
  public Optional<byte[]> bytes(Object image) throws InvalidImageException {
    if (image instanceof InlineImage inline) {
      return Optional.of(toArray(inline.getData()));
    }
    if (image instanceof ImageReference reference) {
      ClaimCheckStore store = stores.get(reference.getStore());
      return store == null ? Optional.empty() : store.fetch(reference.getId());
    }
    throw new IllegalArgumentException("unexpected image type " + (image == null ? "null" : image.getClass()));
  }

  private static byte[] toArray(ByteBuffer buffer) {
    // duplicate(): reading must not move the position of the record's own buffer.
    ByteBuffer view = buffer.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }
}
