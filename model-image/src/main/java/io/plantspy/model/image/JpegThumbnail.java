package io.plantspy.model.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The small JPEG of a decoded photo that the web app's History page shows: scaled so its longest side is at most
 * {@code maxSide} (never enlarged), encoded at {@code quality}. Made by the stream processor from the image it has
 * already decoded for the model, so a photo is decoded once.
 */
public final class JpegThumbnail {

  private JpegThumbnail() {}

  /** The JPEG bytes of the thumbnail of {@code decoded} (as {@link LeafImagePreprocessor#decode} returns it). */
  public static byte[] of(BufferedImage decoded, int maxSide, float quality) throws IOException {
    if (maxSide < 1 || !(quality > 0 && quality <= 1)) {
      throw new IllegalArgumentException("maxSide must be >= 1 and quality in (0, 1], were " + maxSide + ", "
          + quality);
    }
    double scale = Math.min(1.0, (double) maxSide / Math.max(decoded.getWidth(), decoded.getHeight()));
    int width = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(decoded, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return jpeg(small, quality);
  }

  /** The JPEG bytes of an image at a quality in (0, 1] (the JDK's encoder, baseline, 4:2:0). */
  public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
