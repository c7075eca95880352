package io.plantspy.trainer.field;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * One way a field photo differs from a PlantVillage photo, at severities 1 (mild) to 3 (harsh), in the spirit of
 * ImageNet-C. Each takes a decoded leaf photo and returns a new opaque RGB image; all randomness comes from the
 * {@link Random} passed in, so a seeded generator gives the same image every time.
 */
public enum FieldCondition {

  /** The leaf cut out and placed on a real background photo, at a random size and position. */
  COMPOSITE {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      BufferedImage canvas = backgroundCanvas(scene, random);
      double[] sizes = pick(severity, new double[][] {{0.75, 0.95}, {0.5, 0.75}, {0.3, 0.5}});
      placeLeaf(canvas, photo, LeafMask.of(photo), uniform(random, sizes), random, 0);
      return canvas;
    }
  },
  /** The leaf with one to three other leaves of its class around it, some cut by the frame, on a background. */
  SEVERAL_LEAVES {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      BufferedImage canvas = backgroundCanvas(scene, random);
      for (int i = 0; i < severity; i++) {
        BufferedImage other = scene.companion(random, photo);
        double size = uniform(random, 0.35, 0.7);
        // Anywhere, also half out of the frame: a partial leaf.
        double cx = uniform(random, -0.1, 1.1) * canvas.getWidth();
        double cy = uniform(random, -0.1, 1.1) * canvas.getHeight();
        drawLeaf(canvas, other, LeafMask.of(other), size, cx, cy, uniform(random, 0, 2 * Math.PI));
      }
      placeLeaf(canvas, photo, LeafMask.of(photo), uniform(random, 0.5, 0.75), random,
          uniform(random, 0, 2 * Math.PI));
      return canvas;
    }
  },
  /** Turned by an angle the training views do not cover (they only have quarter turns). */
  ROTATION {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      double[] degrees = pick(severity, new double[][] {{10, 25}, {25, 45}, {45, 80}});
      double angle = Math.toRadians(uniform(random, degrees)) * (random.nextBoolean() ? 1 : -1);
      BufferedImage out = ImageOps.canvas(photo.getWidth(), photo.getHeight());
      Graphics2D g = out.createGraphics();
      try {
        // The corners the turn uncovers get the cloth's colour, as if the photo had been taken turned.
        g.setColor(new Color(LeafMask.backgroundColour(photo)));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
      } finally {
        g.dispose();
      }
      ImageOps.draw(out, photo, AffineTransform.getRotateInstance(angle, photo.getWidth() / 2.0,
          photo.getHeight() / 2.0));
      return out;
    }
  },
  /** Warm (evening sun, tungsten) or cold (shade, overcast) light: red and blue gains moved apart. */
  COLOUR_TEMPERATURE {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      double shift = uniform(random, pick(severity, new double[][] {{0.08, 0.15}, {0.15, 0.25}, {0.25, 0.4}}));
      double sign = random.nextBoolean() ? 1 : -1;
      return ImageOps.gains(photo, 1 + sign * shift, 1, 1 - sign * shift);
    }
  },
  /** Over- or under-exposed by a fraction of a stop to more than a stop. */
  EXPOSURE {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      double stops = uniform(random, pick(severity, new double[][] {{0.3, 0.6}, {0.6, 1.0}, {1.0, 1.6}}));
      double gain = Math.pow(2, random.nextBoolean() ? stops : -stops);
      return ImageOps.gains(photo, gain, gain, gain);
    }
  },
  /** Re-encoded as JPEG at quality 70, 50 or 30 (messaging apps, cheap cameras). */
  JPEG {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      return ImageOps.jpegRoundTrip(photo, jpegQuality(severity));
    }
  },
  /** Out of focus: a disk blur of radius 1.5, 3 or 5 pixels on a 256-pixel photo. */
  DEFOCUS_BLUR {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      double radius = pick(severity, new double[] {1.5, 3, 5}) * photo.getWidth() / 256.0;
      return ImageOps.convolve(photo, ImageOps.disk(radius));
    }
  },
  /** A shaking hand or a moving drone: a line blur of 7, 13 or 21 pixels at a random angle. */
  MOTION_BLUR {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      int length = (int) Math.round(pick(severity, new double[] {7, 13, 21}) * photo.getWidth() / 256.0);
      return ImageOps.convolve(photo, ImageOps.line(length | 1, uniform(random, 0, Math.PI)));
    }
  },
  /** Part of the leaf hidden behind something (a patch of a background photo): 10, 20 or 35 % of its box. */
  OCCLUSION {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      double share = pick(severity, new double[] {0.10, 0.20, 0.35});
      Rectangle leaf = LeafMask.of(photo).bounds();
      double area = share * leaf.width * leaf.height;
      double aspect = uniform(random, 0.5, 2);
      double w = Math.min(photo.getWidth(), Math.sqrt(area * aspect));
      double h = Math.min(photo.getHeight(), area / w);
      double x = leaf.x + uniform(random, 0, Math.max(0, leaf.width - w));
      double y = leaf.y + uniform(random, 0, Math.max(0, leaf.height - h));
      BufferedImage out = copy(photo);
      BufferedImage patch = ImageOps.cover(scene.background(random), (int) Math.ceil(w), (int) Math.ceil(h));
      Graphics2D g = ImageOps.smooth(out);
      try {
        if (random.nextBoolean()) {
          g.setClip(new Ellipse2D.Double(x, y, w, h));
        }
        g.drawImage(patch, (int) Math.round(x), (int) Math.round(y), null);
      } finally {
        g.dispose();
      }
      return out;
    }
  },
  /** Taken from far away or cropped from a larger frame: 96, 56 or 32 pixels wide, scaled back up. */
  LOW_RESOLUTION {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      int side = (int) pick(severity, new double[] {96, 56, 32});
      int height = Math.max(1, Math.round((float) side * photo.getHeight() / photo.getWidth()));
      return ImageOps.lowResolution(photo, side, height);
    }
  },
  /**
   * Several at once, as a real field photo has them: composited on a background, then each of a turn, a light
   * change, a blur and JPEG compression with even odds, all at the given severity.
   */
  FIELD_MIX {
    @Override
    BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene) {
      BufferedImage image = photo;
      if (random.nextBoolean()) {
        image = ROTATION.transform(image, severity, random, scene);
      }
      image = COMPOSITE.transform(image, severity, random, scene);
      if (random.nextBoolean()) {
        image = (random.nextBoolean() ? COLOUR_TEMPERATURE : EXPOSURE).transform(image, severity, random, scene);
      }
      if (random.nextBoolean()) {
        image = (random.nextBoolean() ? DEFOCUS_BLUR : MOTION_BLUR).transform(image, severity, random, scene);
      }
      return random.nextBoolean() ? JPEG.transform(image, severity, random, scene) : image;
    }
  };

  /** Severities run from 1 to this. */
  public static final int MAX_SEVERITY = 3;

  /** The landscape frame composites are made in (a phone's 4:3). */
  static final int CANVAS_WIDTH = 320;
  static final int CANVAS_HEIGHT = 240;

  /**
   * Whether it puts the photo into a scene (background photos, other leaves), so that only a leaf photo can take it.
   * The others are about the camera (light, focus, motion, resolution, compression, angle) and apply to any photo.
   */
  public boolean needsScene() {
    return this == COMPOSITE || this == SEVERAL_LEAVES || this == OCCLUSION || this == FIELD_MIX;
  }

  /** The photo under this condition at {@code severity} (1..{@link #MAX_SEVERITY}). */
  public BufferedImage apply(BufferedImage photo, int severity, Random random, FieldScene scene) {
    if (severity < 1 || severity > MAX_SEVERITY) {
      throw new IllegalArgumentException("severity must be 1.." + MAX_SEVERITY + ", was " + severity);
    }
    return transform(photo, severity, random, scene);
  }

  abstract BufferedImage transform(BufferedImage photo, int severity, Random random, FieldScene scene);

  static float jpegQuality(int severity) {
    return (float) pick(severity, new double[] {0.7, 0.5, 0.3});
  }

  private static BufferedImage backgroundCanvas(FieldScene scene, Random random) {
    BufferedImage background = scene.background(random);
    if (random.nextBoolean()) {
      background = flipped(background);
    }
    return ImageOps.cover(background, CANVAS_WIDTH, CANVAS_HEIGHT);
  }

  /**
   * A composite as {@link #COMPOSITE} draws it at {@code severity} (turned by a random angle), with the leaf's
   * cut-out drawn the same way on a transparent canvas: where the leaf went, for training the leaf scorer.
   */
  static MaskedScene compositeWithMask(BufferedImage photo, int severity, Random random, FieldScene scene) {
    BufferedImage canvas = backgroundCanvas(scene, random);
    double[] sizes = pick(severity, new double[][] {{0.75, 0.95}, {0.5, 0.75}, {0.3, 0.5}});
    LeafMask mask = LeafMask.of(photo);
    AffineTransform where = placeLeaf(canvas, photo, mask, uniform(random, sizes), random,
        uniform(random, 0, 2 * Math.PI));
    BufferedImage leaf = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_ARGB);
    ImageOps.draw(leaf, mask.cutOut(photo), where);
    return new MaskedScene(canvas, leaf);
  }

  /**
   * Places the leaf whole inside the frame at a random position, its box {@code size} of the frame's height;
   * returns where its cut-out was drawn.
   */
  private static AffineTransform placeLeaf(BufferedImage canvas, BufferedImage photo, LeafMask mask, double size,
      Random random, double angle) {
    Rectangle box = mask.bounds();
    double scale = size * canvas.getHeight() / Math.max(box.width, box.height);
    double halfW = box.width * scale / 2;
    double halfH = box.height * scale / 2;
    double cx = uniform(random, Math.min(halfW, canvas.getWidth() / 2.0), Math.max(canvas.getWidth() - halfW,
        canvas.getWidth() / 2.0));
    double cy = uniform(random, Math.min(halfH, canvas.getHeight() / 2.0), Math.max(canvas.getHeight() - halfH,
        canvas.getHeight() / 2.0));
    return drawLeaf(canvas, photo, mask, size, cx, cy, angle);
  }

  /**
   * Draws the leaf's cut-out centred at (cx, cy), its longer box side {@code size} of the frame's height; returns
   * the transform it was drawn through.
   */
  static AffineTransform drawLeaf(BufferedImage canvas, BufferedImage photo, LeafMask mask, double size, double cx,
      double cy, double angle) {
    Rectangle box = mask.bounds();
    double scale = size * canvas.getHeight() / Math.max(box.width, box.height);
    AffineTransform t = new AffineTransform();
    t.translate(cx, cy);
    t.rotate(angle);
    t.scale(scale, scale);
    t.translate(-box.getCenterX(), -box.getCenterY());
    ImageOps.draw(canvas, mask.cutOut(photo), t);
    return t;
  }

  private static BufferedImage flipped(BufferedImage image) {
    BufferedImage out = ImageOps.canvas(image.getWidth(), image.getHeight());
    ImageOps.draw(out, image, new AffineTransform(-1, 0, 0, 1, image.getWidth(), 0));
    return out;
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage out = ImageOps.canvas(image.getWidth(), image.getHeight());
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static double pick(int severity, double[] values) {
    return values[severity - 1];
  }

  private static double[] pick(int severity, double[][] ranges) {
    return ranges[severity - 1];
  }

  private static double uniform(Random random, double[] range) {
    return uniform(random, range[0], range[1]);
  }

  private static double uniform(Random random, double from, double to) {
    return from + random.nextDouble() * (to - from);
  }
}
