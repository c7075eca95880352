package io.plantspy.trainer.field;

import io.plantspy.model.image.JpegThumbnail;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The image operations the field conditions are made of, on opaque TYPE_INT_RGB images, with Java2D and ImageIO. */
final class ImageOps {

  private ImageOps() {}

  static BufferedImage canvas(int width, int height) {
    return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
  }

  static Graphics2D smooth(BufferedImage target) {
    Graphics2D g = target.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setComposite(AlphaComposite.SrcOver);
    return g;
  }

  /** The image scaled to cover {@code width x height} (cropped at the centre, aspect kept). */
  static BufferedImage cover(BufferedImage image, int width, int height) {
    double scale = Math.max((double) width / image.getWidth(), (double) height / image.getHeight());
    BufferedImage out = canvas(width, height);
    Graphics2D g = smooth(out);
    try {
      AffineTransform t = new AffineTransform();
      t.translate((width - image.getWidth() * scale) / 2, (height - image.getHeight() * scale) / 2);
      t.scale(scale, scale);
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Draws {@code image} (with alpha, if any) onto {@code target} through {@code transform}. */
  static void draw(BufferedImage target, BufferedImage image, AffineTransform transform) {
    Graphics2D g = smooth(target);
    try {
      g.drawImage(image, transform, null);
    } finally {
      g.dispose();
    }
  }

  /** Multiplies each channel by its gain, clamped to 0..255. */
  static BufferedImage gains(BufferedImage image, double red, double green, double blue) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < rgb.length; i++) {
      int r = clamp(((rgb[i] >> 16) & 0xff) * red);
      int g = clamp(((rgb[i] >> 8) & 0xff) * green);
      int b = clamp((rgb[i] & 0xff) * blue);
      rgb[i] = (r << 16) | (g << 8) | b;
    }
    BufferedImage out = canvas(w, h);
    out.setRGB(0, 0, w, h, rgb, 0, w);
    return out;
  }

  /** Convolution with the edges extended, so a blur does not leave a sharp or black frame. */
  static BufferedImage convolve(BufferedImage image, Kernel kernel) {
    int padX = kernel.getWidth() / 2;
    int padY = kernel.getHeight() / 2;
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage padded = canvas(w + 2 * padX, h + 2 * padY);
    int[] row = new int[w + 2 * padX];
    for (int y = 0; y < h + 2 * padY; y++) {
      int sy = Math.min(h - 1, Math.max(0, y - padY));
      for (int x = 0; x < row.length; x++) {
        row[x] = image.getRGB(Math.min(w - 1, Math.max(0, x - padX)), sy);
      }
      padded.setRGB(0, y, row.length, 1, row, 0, row.length);
    }
    BufferedImage blurred = new ConvolveOp(kernel, ConvolveOp.EDGE_NO_OP, null).filter(padded, null);
    BufferedImage out = canvas(w, h);
    out.setRGB(0, 0, w, h, blurred.getRGB(padX, padY, w, h, null, 0, w), 0, w);
    return out;
  }

  /** A flat disk of the given radius: an out-of-focus lens. */
  static Kernel disk(double radius) {
    int r = (int) Math.ceil(radius);
    int size = 2 * r + 1;
    float[] values = new float[size * size];
    float sum = 0;
    for (int y = -r; y <= r; y++) {
      for (int x = -r; x <= r; x++) {
        // Coverage of the pixel by the disk, sampled 4x4, so small radii are not all-or-nothing.
        int inside = 0;
        for (int sy = 0; sy < 4; sy++) {
          for (int sx = 0; sx < 4; sx++) {
            double px = x - 0.375 + sx * 0.25;
            double py = y - 0.375 + sy * 0.25;
            inside += px * px + py * py <= radius * radius ? 1 : 0;
          }
        }
        values[(y + r) * size + x + r] = inside;
        sum += inside;
      }
    }
    return normalised(size, values, sum);
  }

  /** A line of the given length and angle: the camera moving during the exposure. */
  static Kernel line(int length, double angle) {
    int r = length / 2;
    int size = 2 * r + 1;
    float[] values = new float[size * size];
    float sum = 0;
    int steps = length * 4;
    for (int i = 0; i <= steps; i++) {
      double t = -r + 2.0 * r * i / steps;
      int x = (int) Math.round(t * Math.cos(angle)) + r;
      int y = (int) Math.round(t * Math.sin(angle)) + r;
      values[y * size + x] += 1;
      sum += 1;
    }
    return normalised(size, values, sum);
  }

  private static Kernel normalised(int size, float[] values, float sum) {
    for (int i = 0; i < values.length; i++) {
      values[i] /= sum;
    }
    return new Kernel(size, size, values);
  }

  /** The JPEG bytes of the image at a quality in 0..1 (the JDK's encoder, baseline, 4:2:0). */
  static byte[] jpeg(BufferedImage image, float quality) {
    try {
      return JpegThumbnail.jpeg(image, quality);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The image after a round trip through JPEG at the given quality. */
  static BufferedImage jpegRoundTrip(BufferedImage image, float quality) {
    try {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg(image, quality)));
      BufferedImage out = canvas(decoded.getWidth(), decoded.getHeight());
      Graphics2D g = out.createGraphics();
      try {
        g.drawImage(decoded, 0, 0, null);
      } finally {
        g.dispose();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Down to {@code width x height} by area averaging, then back up to the original size, bilinear. */
  static BufferedImage lowResolution(BufferedImage image, int width, int height) {
    java.awt.Image small = image.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING);
    BufferedImage tiny = canvas(width, height);
    Graphics2D g = tiny.createGraphics();
    try {
      g.drawImage(small, 0, 0, null);
    } finally {
      g.dispose();
    }
    BufferedImage out = canvas(image.getWidth(), image.getHeight());
    Graphics2D up = smooth(out);
    try {
      up.drawImage(tiny, 0, 0, image.getWidth(), image.getHeight(), null);
    } finally {
      up.dispose();
    }
    return out;
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
