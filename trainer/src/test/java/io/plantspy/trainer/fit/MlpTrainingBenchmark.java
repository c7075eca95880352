package io.plantspy.trainer.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What one epoch of the MLP head's training costs at the shape of the served release's recipe (3,264 standardised
 * features → 256 hidden → 32 classes, minibatch 128, dropout 0.2) on seeded synthetic rows: the part of a learning
 * loop run that follows an MLP champion's recipe which the logistic head does not have. Not a test: run it by hand
 * on an idle machine and write the figures in BENCHMARKS.md.
 *
 * <pre>./mvnw -pl trainer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.plantspy.trainer.fit.MlpTrainingBenchmark -Dexec.args="42402 2"</pre>
 *
 * Arguments: the number of training rows (default 42,402: the served release's examples with field views) and
 * epochs (default 2).
 */
public final class MlpTrainingBenchmark {

  private static final int FEATURES = 3264;
  private static final int CLASSES = 32;

  private MlpTrainingBenchmark() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 42_402;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Random random = new Random(20261127);
    // Each class a random direction plus noise: learnable, so the loop runs as on real features.
    float[][] means = new float[CLASSES][FEATURES];
    for (float[] mean : means) {
      for (int i = 0; i < FEATURES; i++) {
        mean[i] = (float) random.nextGaussian() * 0.3f;
      }
    }
    List<float[]> data = new ArrayList<>(rows);
    int[] targets = new int[rows];
    for (int r = 0; r < rows; r++) {
      targets[r] = r % CLASSES;
      float[] row = new float[FEATURES];
      for (int i = 0; i < FEATURES; i++) {
        // Standardised, as the trainer gives them: a feature that was 0 is a negative value, not 0.
        row[i] = means[targets[r]][i] + (float) random.nextGaussian();
      }
      data.add(row);
    }
    List<String> labels = IntStream.range(0, CLASSES).mapToObj(c -> "class-" + c).toList();
    HeadSettings settings = new HeadSettings(HeadKind.MLP, epochs, 0.001, 128, 20261127, 256, 0.2);
    System.out.printf("%d rows × %d features, %d epochs, %d cores%n", rows, FEATURES, epochs,
        Runtime.getRuntime().availableProcessors());
    long start = System.nanoTime();
    MlpHead head = new MlpTrainer(settings).train(data, targets, labels);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%.1f s in all, %.1f s per epoch%n", seconds, seconds / epochs);
    // The same arguments must give the same head whatever the code's loop order: compare this across versions.
    System.out.printf("weights checksum %08x%n", java.util.Arrays.hashCode(head.w1()) ^ java.util.Arrays.hashCode(head.w2()));
  }
}
