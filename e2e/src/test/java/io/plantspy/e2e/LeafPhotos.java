package io.plantspy.e2e;

import io.plantspy.model.runtime.Sha256;
import io.plantspy.testsupport.DatasetAssumption;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Photos for the end-to-end tests: test-split leaves the committed release knows, and made-up images. */
final class LeafPhotos {

  private LeafPhotos() {}

  /**
   * A test-split photo of the class that the committed release answers correctly and confidently; the test is
   * skipped where the dataset is absent.
   */
  static byte[] knownLeaf(String label) throws IOException {
    Path dataset = Path.of(System.getProperty("plantspy.dataset.dir", "../../shared/datasets/plantvillage"));
    DatasetAssumption.folder(dataset, "a known leaf photo");
    Path models = Path.of(System.getProperty("plantspy.models.dir", "../models"));
    Path release = models.resolve("releases").resolve(Files.readString(models.resolve("CURRENT")).trim());
    List<String> predictions = Files.readAllLines(release.resolve("evaluation/test-predictions.csv"));
    for (String row : predictions) {
      String[] cells = row.split(",");
      if (row.contains("," + label + "," + label + ",") && cells[cells.length - 1].equals("false")) {
        try (var files = Files.walk(dataset.resolve(label))) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            byte[] bytes = Files.readAllBytes(file);
            if (Sha256.hex(bytes).equals(cells[0])) {
              return bytes;
            }
          }
        }
      }
    }
    throw new IllegalStateException("no confident correct test photo of " + label + " in the committed release");
  }

  /** The photo scaled up to a phone-sized JPEG, with a little noise so it does not compress away. */
  static byte[] enlarged(byte[] jpeg, int size) throws IOException {
    BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
    BufferedImage big = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = big.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(source, 0, 0, size, size, null);
    g.dispose();
    addNoise(big);
    return jpeg(big);
  }

  /** A made-up green blob on soil brown: a valid photo whatever the dataset, answered with some diagnosis. */
  static byte[] madeUp() throws IOException {
    BufferedImage image = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(110, 80, 50));
    g.fillRect(0, 0, 320, 320);
    g.setColor(new Color(60, 140, 50));
    g.fillOval(40, 60, 240, 200);
    g.dispose();
    addNoise(image);
    return jpeg(image);
  }

  private static void addNoise(BufferedImage image) {
    Random random = new Random(1);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int n = random.nextInt(9) - 4;
        int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xFF) + n));
        int gr = Math.max(0, Math.min(255, ((rgb >> 8) & 0xFF) + n));
        int b = Math.max(0, Math.min(255, (rgb & 0xFF) + n));
        image.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
