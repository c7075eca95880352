package io.plantspy.model.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The one preprocessing step shared by training and inference: uploaded bytes in, a 224x224 RGB
 * float tensor out. Any change here changes what the model sees, so training and serving must both
 * go through this class. It holds no mutable state and may be shared between threads.
 */
public final class LeafImagePreprocessor {

  /** Side of the square the model takes. */
  public static final int SIZE = 224;

  /** Floats per image: SIZE x SIZE pixels x 3 channels. */
  public static final int TENSOR_LENGTH = SIZE * SIZE * 3;

  // Decoding at twice the model size leaves the box filter a full 2x2 footprint for its last
  // halving.
  private static final int MIN_DECODED_SHORTER_SIDE = 2 * SIZE;

  private final ImageInspector inspector;

  public LeafImagePreprocessor(ImageLimits limits) {
    this.inspector = new ImageInspector(limits);
  }

  /**
   * Checks the bytes against the limits, decodes them (subsampled so that the shorter side stays at
   * least {@code 2 * SIZE}), turns them upright per EXIF orientation and returns an opaque
   * TYPE_INT_RGB image.
   */
  public BufferedImage decode(byte[] bytes) throws InvalidImageException {
    BufferedImage stored;
    ImageFormat format;
    try (ImageReaderSession session = inspector.openWithinLimits(bytes)) {
      format = session.info().format();
      stored = session.readSubsampled(subsamplingFor(session.info()));
    }
    return ExifOrientationReader.read(format, bytes).applyTo(RgbImages.toRgb(stored));
  }

  /**
   * Resizes to SIZE x SIZE, ignoring aspect ratio and without cropping, and scales to [0, 1].
   * Layout is NHWC for one image: value {@code (y * SIZE + x) * 3 + c} is channel c (R, G, B) of
   * pixel (x, y).
   */
  public float[] toTensor(BufferedImage rgb) {
    float[] tensor = new float[TENSOR_LENGTH];
    writeTensor(rgb, tensor, 0);
    return tensor;
  }

  /** {@link #decode} then {@link #toTensor}. */
  public float[] preprocess(byte[] bytes) throws InvalidImageException {
    return toTensor(decode(bytes));
  }

  /** Like {@link #preprocess}, writing {@link #TENSOR_LENGTH} values into a batch from {@code offset}. */
  public void preprocessInto(byte[] bytes, float[] batch, int offset) throws InvalidImageException {
    Objects.checkFromIndexSize(offset, TENSOR_LENGTH, batch.length);
    writeTensor(decode(bytes), batch, offset);
  }

  /**
   * Like {@link #toTensor}, writing {@link #TENSOR_LENGTH} values into a batch from {@code offset}: for a caller that
   * also needs the decoded image (the stream processor's thumbnails).
   */
  public void toTensorInto(BufferedImage rgb, float[] batch, int offset) {
    Objects.checkFromIndexSize(offset, TENSOR_LENGTH, batch.length);
    writeTensor(rgb, batch, offset);
  }

  private static void writeTensor(BufferedImage image, float[] out, int offset) {
    PackedRgb halved = BoxHalving.halveTowards(PackedRgb.of(image), SIZE, SIZE);
    BilinearTensorWriter.write(halved, SIZE, out, offset);
  }

  // The largest factor that keeps the shorter side at or above MIN_DECODED_SHORTER_SIDE; 1 for
  // small images.
  private static int subsamplingFor(ImageInfo info) {
    int shorterSide = Math.min(info.width(), info.height());
    return Math.max(1, shorterSide / MIN_DECODED_SHORTER_SIDE);
  }
}
