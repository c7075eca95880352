package io.plantspy.trainer;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.runtime.Backbone;
import io.plantspy.model.runtime.BackboneFiles;
import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.model.runtime.InferenceOptions;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer bench-model} ({@code ./plantspy bench-model}): the inference ceiling the platform is measured
 * against. Reports ONNX Runtime images/s and ms per batch for every backbone graph a release can name (and the
 * taps' uint8-weight file) at several batch sizes, the served release's head and class-distance model on backbone features, and the decode + preprocess
 * cost of a 256×256 leaf JPEG and of a 2 MP photo. Prints Markdown tables.
 */
@Command(name = "bench-model", mixinStandardHelpOptions = true,
    description = "Benchmark backbone inference and image preprocessing on this machine.")
final class BenchModelCommand implements Callable<Integer> {

  @Option(names = "--threads", defaultValue = "2", description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--batch", split = ",", defaultValue = "1,8,32", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> batches;

  /** Turns each backbone gets (its measuring time split between them). */
  private static final int ROUNDS = 4;

  @Option(names = "--seconds", defaultValue = "5", description = "Measuring time per case (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--leaf", description = "A leaf photo to time decoding with (default: a generated 256x256 JPEG).")
  Path leaf;

  @Option(names = "--models", defaultValue = "${sys:plantspy.home:-.}/models",
      description = "Models folder whose CURRENT release's head and class-distance model are timed (default: "
          + "${DEFAULT-VALUE}).")
  Path models;

  @Override
  public Integer call() throws Exception {
    System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s; ONNX Runtime intra-op threads: %d%n%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), threads);
    System.out.println("| backbone | batch | ms per batch (median) | ms per batch (p95) | images/s |");
    System.out.println("|---|---|---|---|---|");
    record Variant(String name, byte[] onnx, int dimension) {}
    // Every graph a release can name (float32), and the taps' uint8-weight file.
    List<Variant> variants = new java.util.ArrayList<>();
    for (BackboneGraph graph : BackboneGraph.values()) {
      variants.add(new Variant(graph + ", float32 weights", graph.load(), graph.featureDim()));
    }
    variants.add(1, new Variant(BackboneGraph.TAPS + ", uint8 weights", BackboneFiles.load(true),
        BackboneFiles.FEATURE_DIM));
    // All sessions open at once and measured in turns, a slice of the time each per round: on a shared machine a
    // slow spell then hits every graph alike instead of whichever was measured during it.
    List<Backbone> backbones = new ArrayList<>();
    try {
      for (Variant variant : variants) {
        backbones.add(Backbone.load(variant.onnx(), variant.dimension(), InferenceOptions.cpu(threads)));
      }
      Map<String, List<Double>> millis = new java.util.LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (int v = 0; v < variants.size(); v++) {
          Backbone backbone = backbones.get(v);
          for (int batch : batches) {
            float[] pixels = randomPixels(batch);
            millis.computeIfAbsent(v + "/" + batch, key -> new ArrayList<>())
                .addAll(time(() -> backbone.features(pixels, batch), seconds / ROUNDS));
          }
        }
      }
      for (int v = 0; v < variants.size(); v++) {
        for (int batch : batches) {
          List<Double> samples = millis.get(v + "/" + batch);
          double median = percentile(samples, 0.5);
          System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f |%n", variants.get(v).name(), batch,
              median, percentile(samples, 0.95), batch * 1000 / median);
        }
      }
    } finally {
      backbones.forEach(Backbone::close);
    }
    timeReleaseGraphs();
    byte[] leafJpeg = leaf != null ? Files.readAllBytes(leaf) : jpeg(syntheticLeaf(256, 256));
    byte[] photoJpeg = jpeg(upscale(ImageIO.read(new java.io.ByteArrayInputStream(leafJpeg)), 1632, 1224));
    LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
    System.out.println();
    System.out.println("| image | bytes | decode + preprocess, ms (median) | p95 |");
    System.out.println("|---|---|---|---|");
    for (var image : List.of(new Object[] {"256x256 leaf JPEG", leafJpeg}, new Object[] {"1632x1224 (2 MP) JPEG", photoJpeg})) {
      byte[] bytes = (byte[]) image[1];
      List<Double> millis = time(() -> preprocessor.preprocess(bytes));
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", image[0], bytes.length, percentile(millis, 0.5),
          percentile(millis, 0.95));
    }
    return 0;
  }

  /** The graphs after the backbone: the head, and the class-distance model when the release has one. */
  private void timeReleaseGraphs() throws Exception {
    Path release = ReleaseFiles.current(models);
    System.out.println();
    System.out.println("| release " + release.getFileName() + " | batch | ms per batch (median) | ms per batch (p95) |");
    System.out.println("|---|---|---|---|");
    try (PlantClassifier classifier = PlantClassifier.load(release, InferenceOptions.cpu(threads))) {
      Random random = new Random(3);
      for (int batch : batches) {
        float[][] features = new float[batch][classifier.manifest().backboneGraph().featureDim()];
        for (float[] row : features) {
          for (int i = 0; i < row.length; i++) {
            row[i] = random.nextFloat();
          }
        }
        List<Double> head = time(() -> classifier.probabilities(features));
        System.out.printf(Locale.ROOT, "| head | %d | %.3f | %.3f |%n", batch, percentile(head, 0.5),
            percentile(head, 0.95));
        if (classifier.manifest().classDistances() != null) {
          List<Double> distances = time(() -> classifier.distances(features));
          System.out.printf(Locale.ROOT, "| class distances | %d | %.3f | %.3f |%n", batch,
              percentile(distances, 0.5), percentile(distances, 0.95));
        }
      }
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Warms up, then runs the work repeatedly for the configured time; returns each run's milliseconds. */
  private List<Double> time(Work work) throws Exception {
    return time(work, seconds);
  }

  private static List<Double> time(Work work, double seconds) throws Exception {
    for (int i = 0; i < 5; i++) {
      work.run();
    }
    List<Double> millis = new ArrayList<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end || millis.size() < 5) {
      long start = System.nanoTime();
      work.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return millis;
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
  }

  private static float[] randomPixels(int batch) {
    Random random = new Random(1);
    float[] pixels = new float[batch * Backbone.valuesPerImage()];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return pixels;
  }

  /** A leaf-like test card: green ellipse with darker spots on grey, enough detail for JPEG to work at. */
  private static BufferedImage syntheticLeaf(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new java.awt.Color(180, 180, 175));
      g.fillRect(0, 0, width, height);
      g.setColor(new java.awt.Color(60, 140, 50));
      g.fillOval(width / 8, height / 6, width * 3 / 4, height * 2 / 3);
      Random random = new Random(7);
      for (int i = 0; i < 60; i++) {
        g.setColor(new java.awt.Color(90 + random.nextInt(60), 70 + random.nextInt(40), 30));
        int r = 2 + random.nextInt(6);
        g.fillOval(width / 4 + random.nextInt(width / 2), height / 4 + random.nextInt(height / 2), r, r);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static BufferedImage upscale(BufferedImage source, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
