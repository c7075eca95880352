package io.plantspy.model.image;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.util.Optional;

/**
 * Reads the EXIF Orientation tag (IFD0, 0x0112) of a JPEG, PNG or WebP: {@link ExifBlockLocator}
 * cuts out the Exif block and metadata-extractor parses it, bounded by that block.
 */
final class ExifOrientationReader {

  private ExifOrientationReader() {
  }

  /** The orientation the file declares; NORMAL when it has no Exif block or the block is unreadable. */
  static Orientation read(ImageFormat format, byte[] bytes) {
    Optional<byte[]> tiff = ExifBlockLocator.find(format, bytes);
    if (tiff.isEmpty()) {
      return Orientation.NORMAL;
    }
    try {
      Metadata metadata = new Metadata();
      new ExifReader().extract(new ByteArrayReader(tiff.get()), metadata);
      ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return Orientation.NORMAL;
      }
      return Orientation.fromExifValue(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION));
    } catch (MetadataException | RuntimeException e) {
      // Broken metadata is common in otherwise fine photos; the pixels decoded, so keep them as
      // stored.
      return Orientation.NORMAL;
    }
  }
}
