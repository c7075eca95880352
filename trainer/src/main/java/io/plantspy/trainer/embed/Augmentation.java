package io.plantspy.trainer.embed;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Label-preserving views of a decoded leaf photo, embedded as extra training examples. A leaf's disease
 * does not depend on its orientation or on a little framing, so these teach the head that invariance.
 */
public enum Augmentation {
  NONE,
  FLIP_HORIZONTAL,
  FLIP_VERTICAL,
  ROTATE_90,
  ROTATE_270,
  /** The central 80 % of the photo, as a closer shot of the same leaf. */
  ZOOM_CENTER;

  public BufferedImage apply(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    return switch (this) {
      case NONE -> image;
      case FLIP_HORIZONTAL -> transform(image, w, h, new AffineTransform(-1, 0, 0, 1, w, 0));
      case FLIP_VERTICAL -> transform(image, w, h, new AffineTransform(1, 0, 0, -1, 0, h));
      case ROTATE_90 -> transform(image, h, w, new AffineTransform(0, 1, -1, 0, h, 0));
      case ROTATE_270 -> transform(image, h, w, new AffineTransform(0, -1, 1, 0, 0, w));
      case ZOOM_CENTER -> {
        int cw = Math.round(w * 0.8f);
        int ch = Math.round(h * 0.8f);
        yield copy(image.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch));
      }
    };
  }

  private static BufferedImage transform(BufferedImage image, int width, int height, AffineTransform transform) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(image, transform, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static BufferedImage copy(BufferedImage view) {
    BufferedImage out = new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(view, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
