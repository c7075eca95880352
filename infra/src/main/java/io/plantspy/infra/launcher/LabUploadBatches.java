package io.plantspy.infra.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the photos of a lab upload into requests the API accepts: at most {@code maxImages} images and
 * {@code maxBytes} of image bytes each (the API caps a lab upload's body, 64 MB by default), in the given order.
 * A photo bigger than {@code maxBytes} goes alone: the API then refuses it, and says why.
 */
final class LabUploadBatches {

  private LabUploadBatches() {}

  /** A photo to upload and its size. */
  record Photo(String path, long bytes) {}

  static List<List<Photo>> split(List<Photo> photos, int maxImages, long maxBytes) {
    List<List<Photo>> batches = new ArrayList<>();
    List<Photo> current = new ArrayList<>();
    long size = 0;
    for (Photo photo : photos) {
      if (!current.isEmpty() && (current.size() == maxImages || size + photo.bytes() > maxBytes)) {
        batches.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(photo);
      size += photo.bytes();
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }
}
