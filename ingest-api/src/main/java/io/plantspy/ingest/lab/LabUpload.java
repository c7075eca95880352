package io.plantspy.ingest.lab;

import java.time.Instant;
import java.util.List;

/**
 * One lab upload, parsed and vetted: every image passed the same checks as a diagnosis upload, every field its
 * bounds.
 *
 * @param images in the order of their parts
 */
record LabUpload(String label, String labId, String sampleRef, Instant capturedAt, String notes,
    List<Image> images) {

  LabUpload {
    images = List.copyOf(images);
  }

  /**
   * A vetted image part.
   *
   * @param part the part's position among the {@code image} parts, from 1
   * @param filename as the client named it, or null
   * @param contentType identified from the bytes
   * @param sha256 hex SHA-256 of the bytes: the sample's identity for de-duplication
   */
  record Image(int part, String filename, byte[] bytes, String contentType, String sha256) {}
}
