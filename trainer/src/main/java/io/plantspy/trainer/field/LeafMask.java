package io.plantspy.trainer.field;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Which pixels of a PlantVillage photo are leaf. The photos have a plain, even background (grey, bluish or black
 * cloth): its colour is the median of the photo's border, and a pixel is leaf when it holds clearly less blue
 * than that colour (green, yellow and brown all do; a shadow does not), is clearly more saturated, or is much
 * brighter than a black cloth. Morphological opening and closing remove speckles and fill gaps, the largest
 * connected region is kept and its holes filled, so a dark lesion inside a leaf stays leaf.
 */
public final class LeafMask {

  /** A pixel at least this much less blue (share of r+g+b) than the background is leaf. */
  private static final double BLUE_MARGIN = 0.035;
  /** ... or at least this much more saturated (HSV, 0..1). */
  private static final double SATURATION_MARGIN = 0.25;
  /** Pixels darker than this (r+g+b) are too noisy to judge by colour. */
  private static final int MIN_BRIGHTNESS = 75;
  /** On a background darker than this (r+g+b), anything this much brighter is leaf. */
  private static final int DARK_BACKGROUND = 150;
  private static final int BRIGHTNESS_MARGIN = 90;
  private static final int BORDER = 3;
  /** Below this share of leaf pixels the mask is taken to have failed. */
  static final double MIN_COVERAGE = 0.12;

  private final int width;
  private final int height;
  private final boolean[] leaf;

  private LeafMask(int width, int height, boolean[] leaf) {
    this.width = width;
    this.height = height;
    this.leaf = leaf;
  }

  /** The mask of a decoded photo (any size). */
  public static LeafMask of(BufferedImage photo) {
    int w = photo.getWidth();
    int h = photo.getHeight();
    int[] rgb = photo.getRGB(0, 0, w, h, null, 0, w);
    int[] background = borderMedian(rgb, w, h);
    boolean[] mask = new boolean[w * h];
    if (isLeafColour(background)) {
      // The leaf fills the frame (a close-up of a corn leaf): there is no background to cut away.
      Arrays.fill(mask, true);
      return new LeafMask(w, h, mask);
    }
    int backgroundSum = background[0] + background[1] + background[2];
    double backgroundBlue = (double) background[2] / Math.max(1, backgroundSum);
    double backgroundSaturation = saturation(background[0], background[1], background[2]);
    for (int i = 0; i < rgb.length; i++) {
      int r = (rgb[i] >> 16) & 0xff;
      int g = (rgb[i] >> 8) & 0xff;
      int b = rgb[i] & 0xff;
      int sum = r + g + b;
      // Green, yellow and brown leaves all hold less blue than the grey to bluish cloth; a shadow holds as much.
      boolean yellower = sum > MIN_BRIGHTNESS && backgroundBlue - (double) b / sum > BLUE_MARGIN;
      boolean brighterThanDark = backgroundSum < DARK_BACKGROUND && sum > backgroundSum + BRIGHTNESS_MARGIN;
      boolean moreSaturated = saturation(r, g, b) - backgroundSaturation > SATURATION_MARGIN && sum > MIN_BRIGHTNESS;
      mask[i] = yellower || brighterThanDark || moreSaturated;
    }
    mask = close(open(mask, w, h, 1), w, h, 2);
    mask = largestRegion(mask, w, h);
    fillHoles(mask, w, h);
    LeafMask found = new LeafMask(w, h, mask);
    if (found.coverage() < MIN_COVERAGE) {
      // Nearly nothing found: a leaf filling most of the frame whose border is part leaf (corn), or a leaf
      // the colour of its cloth. The whole photo is then the cut-out, as a close-up would be.
      Arrays.fill(mask, true);
    }
    return found;
  }

  /** A mask from explicit values (row-major), for tests and synthetic leaves. */
  public static LeafMask of(int width, int height, boolean[] leaf) {
    return new LeafMask(width, height, leaf.clone());
  }

  public boolean isLeaf(int x, int y) {
    return leaf[y * width + x];
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Share of the photo that is leaf. */
  public double coverage() {
    int count = 0;
    for (boolean b : leaf) {
      count += b ? 1 : 0;
    }
    return (double) count / leaf.length;
  }

  /** The smallest rectangle holding every leaf pixel (the whole photo when the mask is empty). */
  public Rectangle bounds() {
    int minX = width;
    int minY = height;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (leaf[y * width + x]) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    return maxX < 0 ? new Rectangle(0, 0, width, height) : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
  }

  /**
   * The photo with the mask as alpha (TYPE_INT_ARGB): leaf pixels opaque and unchanged, the rest transparent, the
   * one-pixel rim half transparent so a composite has no hard jagged edge.
   */
  public BufferedImage cutOut(BufferedImage photo) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    int[] rgb = photo.getRGB(0, 0, width, height, null, 0, width);
    boolean[] inner = erode(leaf, width, height, 1);
    for (int i = 0; i < rgb.length; i++) {
      int alpha = inner[i] ? 255 : leaf[i] ? 128 : 0;
      out.setRGB(i % width, i / width, (alpha << 24) | (rgb[i] & 0xffffff));
    }
    return out;
  }

  /** The background colour this mask was cut from: the median of the photo's border, as packed RGB. */
  public static int backgroundColour(BufferedImage photo) {
    int w = photo.getWidth();
    int h = photo.getHeight();
    int[] median = borderMedian(photo.getRGB(0, 0, w, h, null, 0, w), w, h);
    return (median[0] << 16) | (median[1] << 8) | median[2];
  }

  private static int[] borderMedian(int[] rgb, int w, int h) {
    int[][] channels = new int[3][];
    int count = 0;
    int[] r = new int[2 * BORDER * (w + h)];
    int[] g = new int[r.length];
    int[] b = new int[r.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x < BORDER || y < BORDER || x >= w - BORDER || y >= h - BORDER) {
          if (count == r.length) {
            break;
          }
          int p = rgb[y * w + x];
          r[count] = (p >> 16) & 0xff;
          g[count] = (p >> 8) & 0xff;
          b[count] = p & 0xff;
          count++;
        }
      }
    }
    channels[0] = Arrays.copyOf(r, count);
    channels[1] = Arrays.copyOf(g, count);
    channels[2] = Arrays.copyOf(b, count);
    int[] median = new int[3];
    for (int c = 0; c < 3; c++) {
      Arrays.sort(channels[c]);
      median[c] = channels[c][count / 2];
    }
    return median;
  }

  private static double saturation(int r, int g, int b) {
    int max = Math.max(r, Math.max(g, b));
    int min = Math.min(r, Math.min(g, b));
    return max == 0 ? 0 : (double) (max - min) / max;
  }

  private static boolean isLeafColour(int[] rgb) {
    int sum = rgb[0] + rgb[1] + rgb[2];
    return sum > MIN_BRIGHTNESS && (double) rgb[2] / sum < 0.25 && saturation(rgb[0], rgb[1], rgb[2]) > 0.3;
  }

  private static boolean[] open(boolean[] mask, int w, int h, int radius) {
    return dilate(erode(mask, w, h, radius), w, h, radius);
  }

  private static boolean[] close(boolean[] mask, int w, int h, int radius) {
    return erode(dilate(mask, w, h, radius), w, h, radius);
  }

  private static boolean[] erode(boolean[] mask, int w, int h, int radius) {
    boolean[] inverted = new boolean[mask.length];
    for (int i = 0; i < mask.length; i++) {
      inverted[i] = !mask[i];
    }
    boolean[] grown = dilate(inverted, w, h, radius);
    for (int i = 0; i < grown.length; i++) {
      grown[i] = !grown[i];
    }
    return grown;
  }

  // A square structuring element, separable: rows, then columns.
  private static boolean[] dilate(boolean[] mask, int w, int h, int radius) {
    boolean[] rows = new boolean[mask.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean any = false;
        for (int dx = -radius; dx <= radius && !any; dx++) {
          int nx = x + dx;
          any = nx >= 0 && nx < w && mask[y * w + nx];
        }
        rows[y * w + x] = any;
      }
    }
    boolean[] out = new boolean[mask.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean any = false;
        for (int dy = -radius; dy <= radius && !any; dy++) {
          int ny = y + dy;
          any = ny >= 0 && ny < h && rows[ny * w + x];
        }
        out[y * w + x] = any;
      }
    }
    return out;
  }

  private static boolean[] largestRegion(boolean[] mask, int w, int h) {
    int[] region = new int[mask.length];
    int best = 0;
    int bestSize = 0;
    int next = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start] || region[start] != 0) {
        continue;
      }
      next++;
      int size = 0;
      region[start] = next;
      queue.add(start);
      while (!queue.isEmpty()) {
        int p = queue.poll();
        size++;
        int x = p % w;
        int y = p / w;
        for (int q : new int[] {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1,
            y < h - 1 ? p + w : -1}) {
          if (q >= 0 && mask[q] && region[q] == 0) {
            region[q] = next;
            queue.add(q);
          }
        }
      }
      if (size > bestSize) {
        bestSize = size;
        best = next;
      }
    }
    boolean[] out = new boolean[mask.length];
    for (int i = 0; i < mask.length; i++) {
      out[i] = best != 0 && region[i] == best;
    }
    return out;
  }

  // Background reached from the border stays background; every other non-leaf pixel is a hole in the leaf.
  private static void fillHoles(boolean[] mask, int w, int h) {
    boolean[] outside = new boolean[mask.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int x = 0; x < w; x++) {
      seed(mask, outside, queue, x);
      seed(mask, outside, queue, (h - 1) * w + x);
    }
    for (int y = 0; y < h; y++) {
      seed(mask, outside, queue, y * w);
      seed(mask, outside, queue, y * w + w - 1);
    }
    while (!queue.isEmpty()) {
      int p = queue.poll();
      int x = p % w;
      int y = p / w;
      if (x > 0) {
        seed(mask, outside, queue, p - 1);
      }
      if (x < w - 1) {
        seed(mask, outside, queue, p + 1);
      }
      if (y > 0) {
        seed(mask, outside, queue, p - w);
      }
      if (y < h - 1) {
        seed(mask, outside, queue, p + w);
      }
    }
    for (int i = 0; i < mask.length; i++) {
      mask[i] = !outside[i];
    }
  }

  private static void seed(boolean[] mask, boolean[] outside, ArrayDeque<Integer> queue, int p) {
    if (!mask[p] && !outside[p]) {
      outside[p] = true;
      queue.add(p);
    }
  }
}
