package io.plantspy.model.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Brings any decoded image (grayscale, palette, 16-bit, with alpha, CMYK already turned RGB by the
 * reader) to opaque RGB.
 */
final class RgbImages {

  private RgbImages() {
  }

  /**
   * Returns the image as {@link BufferedImage#TYPE_INT_RGB}, unchanged if it already is.
   * Transparent pixels are composited on white, since leaf cut-outs are usually photographed or
   * exported on a white background.
   */
  static BufferedImage toRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = rgb.createGraphics();
    try {
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.drawImage(image, 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return rgb;
  }
}
