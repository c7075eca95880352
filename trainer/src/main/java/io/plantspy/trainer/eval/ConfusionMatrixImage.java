package io.plantspy.trainer.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a confusion matrix as a PNG a person can read: one row per true class, one column per predicted
 * class, each cell shaded by the share of its row and labelled with its count.
 */
public final class ConfusionMatrixImage {

  private static final int CELL = 30;
  private static final int LABEL_SPACE = 330;
  private static final int MARGIN = 20;

  private ConfusionMatrixImage() {}

  public static void write(List<String> labels, int[][] confusion, String title, Path file) throws IOException {
    int n = labels.size();
    int width = LABEL_SPACE + n * CELL + MARGIN;
    int height = MARGIN * 3 + LABEL_SPACE + n * CELL;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString(title, MARGIN, MARGIN + 10);
      int top = MARGIN * 2 + LABEL_SPACE;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics fm = g.getFontMetrics();
      for (int r = 0; r < n; r++) {
        String label = shorten(labels.get(r));
        g.setColor(Color.BLACK);
        g.drawString(label, LABEL_SPACE - 8 - fm.stringWidth(label), top + r * CELL + CELL / 2 + fm.getAscent() / 2 - 2);
        AffineTransform saved = g.getTransform();
        g.translate(LABEL_SPACE + r * CELL + CELL / 2 + fm.getAscent() / 2 - 2, top - 8);
        g.rotate(-Math.PI / 2);
        g.drawString(label, 0, 0);
        g.setTransform(saved);
      }
      g.drawString("true class (rows) vs predicted class (columns)", MARGIN, MARGIN * 2 + 14);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      fm = g.getFontMetrics();
      for (int r = 0; r < n; r++) {
        int rowTotal = 0;
        for (int c = 0; c < n; c++) {
          rowTotal += confusion[r][c];
        }
        for (int c = 0; c < n; c++) {
          int count = confusion[r][c];
          double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
          int x = LABEL_SPACE + c * CELL;
          int y = top + r * CELL;
          g.setColor(cellColor(share, r == c));
          g.fillRect(x, y, CELL, CELL);
          g.setColor(new Color(220, 220, 220));
          g.drawRect(x, y, CELL, CELL);
          if (count > 0) {
            String text = Integer.toString(count);
            g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
            g.drawString(text, x + (CELL - fm.stringWidth(text)) / 2, y + CELL / 2 + fm.getAscent() / 2 - 1);
          }
        }
      }
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", file.toFile());
  }

  /** Diagonal cells in blue, errors in red, darker for a larger share of the row. */
  private static Color cellColor(double share, boolean diagonal) {
    if (share == 0) {
      return Color.WHITE;
    }
    float strength = (float) Math.min(1, 0.15 + 0.85 * share);
    return diagonal
        ? new Color(1 - strength * 0.9f, 1 - strength * 0.6f, 1f)
        : new Color(1f, 1 - strength * 0.8f, 1 - strength * 0.8f);
  }

  private static String shorten(String label) {
    String text = label.replace("___", ": ").replace('_', ' ').replaceAll("\\s+", " ").trim();
    return text.length() > 48 ? text.substring(0, 47) + "…" : text;
  }
}
