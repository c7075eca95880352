package io.plantspy.model.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * One ImageIO reader opened on bytes held in memory, with the image's header already read, used for
 * one image and then closed. Every failure of the underlying reader surfaces as {@link
 * InvalidImageException.Reason#CORRUPT}.
 */
final class ImageReaderSession implements AutoCloseable {

  static {
    // Registers the TwelveMonkeys JPEG (CMYK, broken ICC profiles) and WebP readers even where the
    // class loader that first touched ImageIO could not see them, as in a Spring Boot fat jar.
    ImageIO.scanForPlugins();
  }

  private final byte[] bytes;
  private final ImageReader reader;
  private final ImageInputStream stream;
  private final ImageInfo info;

  private ImageReaderSession(
      byte[] bytes, ImageReader reader, ImageInputStream stream, ImageInfo info) {
    this.bytes = bytes;
    this.reader = reader;
    this.stream = stream;
    this.info = info;
  }

  /** Opens a reader for {@code format} and reads the header; no pixel is decoded yet. */
  static ImageReaderSession open(ImageFormat format, byte[] bytes) throws InvalidImageException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoFormatName());
    if (!readers.hasNext()) {
      throw new InvalidImageException(InvalidImageException.Reason.UNSUPPORTED_FORMAT,
          "no reader for " + format.displayName() + " images is installed");
    }
    ImageReader reader = readers.next();
    // Our own stream rather than ImageIO.createImageInputStream: no temp file, whatever
    // ImageIO.getUseCache() says.
    ImageInputStream stream = new InMemoryImageInputStream(bytes);
    reader.setInput(stream, false, true);
    try {
      return new ImageReaderSession(bytes, reader, stream, readHeader(format, reader));
    } catch (InvalidImageException e) {
      release(reader, stream);
      throw e;
    }
  }

  /** The format and stored dimensions from the header. */
  ImageInfo info() {
    return info;
  }

  /** Decodes the image, keeping every {@code subsampling}-th pixel of every such row. */
  BufferedImage readSubsampled(int subsampling) throws InvalidImageException {
    if (info.format() == ImageFormat.JPEG && !JpegStructure.isComplete(bytes)) {
      throw corrupt(info.format(),
          "it ends before its end-of-image marker, so it is probably truncated", null);
    }
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
    try {
      return reader.read(0, param);
    } catch (IOException | RuntimeException | Error e) {
      // Readers fed hostile bytes throw anything from IIOException to
      // ArrayIndexOutOfBoundsException, NegativeArraySizeException, InternalError or an
      // OutOfMemoryError for one absurd table; each concerns this upload alone, and the caps
      // already bound what a legitimate decode may allocate.
      throw corrupt(info.format(), "its pixel data could not be decoded", e);
    }
  }

  @Override
  public void close() {
    release(reader, stream);
  }

  // ImageIO readers answer getWidth/getHeight from the header without decoding pixel data.
  private static ImageInfo readHeader(ImageFormat format, ImageReader reader)
      throws InvalidImageException {
    int width;
    int height;
    try {
      width = reader.getWidth(0);
      height = reader.getHeight(0);
    } catch (IOException | RuntimeException | Error e) {
      throw corrupt(format, "its header could not be read", e);
    }
    if (width <= 0 || height <= 0) {
      throw corrupt(format, "its header gives the size " + width + "x" + height, null);
    }
    return new ImageInfo(format, width, height);
  }

  private static InvalidImageException corrupt(ImageFormat format, String what, Throwable cause) {
    return new InvalidImageException(InvalidImageException.Reason.CORRUPT,
        "image is not a valid " + format.displayName() + ": " + what, cause);
  }

  private static void release(ImageReader reader, ImageInputStream stream) {
    reader.dispose();
    try {
      stream.close();
    } catch (IOException ignored) {
      // Closing a memory-backed stream only drops buffers; there is nothing to report.
    }
  }
}
