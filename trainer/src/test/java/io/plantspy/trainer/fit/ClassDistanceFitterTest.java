package io.plantspy.trainer.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.release.Thresholds;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.model.runtime.OnnxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The class-distance model fitted on three synthetic classes, run by ONNX Runtime as a release serves it. */
class ClassDistanceFitterTest {

  private static final int DIM = 12;
  private static final int PER_CLASS = 80;
  private static final List<String> LABELS = List.of("Testleaf___healthy", "Testleaf___Rust", "Testleaf___Blight");

  private final List<float[]> raw = new ArrayList<>();
  private final int[] rowLabels = new int[LABELS.size() * PER_CLASS];
  private final float[][] classMeans = new float[LABELS.size()][DIM];

  ClassDistanceFitterTest() {
    Random random = new Random(11);
    for (int c = 0; c < LABELS.size(); c++) {
      for (int j = 0; j < DIM; j++) {
        classMeans[c][j] = (float) (random.nextGaussian() * 4 + 10);
      }
      for (int i = 0; i < PER_CLASS; i++) {
        float[] row = new float[DIM];
        for (int j = 0; j < DIM; j++) {
          // Correlated noise: the first feature leaks into the others, as backbone channels do.
          row[j] = classMeans[c][j] + (float) random.nextGaussian() * (1 + j % 3);
        }
        for (int j = 1; j < DIM; j++) {
          row[j] += 0.5f * (row[0] - classMeans[c][0]);
        }
        rowLabels[raw.size()] = c;
        raw.add(row);
      }
    }
  }

  @Test
  void farPointIsUnknownWhileAClassMeanIsAnswered() {
    Standardizer standardizer = Standardizer.fit(raw, DIM);
    try (OnnxModel model = load(standardizer)) {
      // The threshold: the farthest training photo of the class, as calibration would allow at most.
      double threshold = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < raw.size(); r++) {
        if (rowLabels[r] == 1) {
          threshold = Math.max(threshold, model.run(raw.get(r), 1)[0][1]);
        }
      }
      OpenSetRule rule = new OpenSetRule(LABELS, null, new Thresholds(0, threshold));
      float[] confidentRust = {0.05f, 0.9f, 0.05f};

      float[] far = classMeans[1].clone();
      for (int j = 0; j < DIM; j += 2) {
        far[j] += 12;
      }
      assertThat(rule.decide(confidentRust, model.run(classMeans[1], 1)[0]).unknown()).isFalse();
      assertThat(rule.decide(confidentRust, model.run(far, 1)[0]).unknown()).isTrue();
    }
  }

  @Test
  void distancesAreRelativeMahalanobisDistances() {
    Standardizer standardizer = Standardizer.fit(raw, DIM);
    List<float[]> rows = raw.stream().map(standardizer::apply).toList();
    // With fewer features than components the projection is a rotation, which leaves Mahalanobis unchanged.
    double[] overallMean = mean(rows, r -> true);
    DMatrixRMaj overallPrecision = precision(rows, r -> overallMean);
    double[][] means = new double[LABELS.size()][];
    for (int c = 0; c < LABELS.size(); c++) {
      int label = c;
      means[c] = mean(rows, r -> rowLabels[r] == label);
    }
    DMatrixRMaj withinPrecision = precision(rows, r -> means[rowLabels[r]]);

    float[] probe = classMeans[2].clone();
    probe[3] += 5;
    double[] x = toDouble(standardizer.apply(probe));
    try (OnnxModel model = load(standardizer)) {
      float[] distances = model.run(probe, 1)[0];
      for (int c = 0; c < LABELS.size(); c++) {
        double expected = mahalanobis(x, means[c], withinPrecision) - mahalanobis(x, overallMean, overallPrecision);
        assertThat((double) distances[c]).as(LABELS.get(c)).isCloseTo(expected, within(1e-3 * Math.abs(expected) + 1e-2));
      }
    }
  }

  private OnnxModel load(Standardizer standardizer) {
    byte[] onnx = ClassDistanceFitter.fit(raw.stream().map(standardizer::apply).toList(), rowLabels, LABELS, -1,
        standardizer).toByteArray();
    return OnnxModel.load(onnx, ClassDistanceFitter.INPUT, new long[] {-1, DIM}, ClassDistanceFitter.OUTPUT,
        new long[] {-1, LABELS.size()}, InferenceOptions.cpu(1));
  }

  private double[] mean(List<float[]> rows, java.util.function.IntPredicate which) {
    double[] mean = new double[DIM];
    int n = 0;
    for (int r = 0; r < rows.size(); r++) {
      if (which.test(r)) {
        n++;
        for (int j = 0; j < DIM; j++) {
          mean[j] += rows.get(r)[j];
        }
      }
    }
    for (int j = 0; j < DIM; j++) {
      mean[j] /= n;
    }
    return mean;
  }

  /** The inverse of the rows' covariance around {@code center(row)}, with the fitter's ridge. */
  private static DMatrixRMaj precision(List<float[]> rows, java.util.function.IntFunction<double[]> center) {
    DMatrixRMaj covariance = new DMatrixRMaj(DIM, DIM);
    for (int r = 0; r < rows.size(); r++) {
      double[] c = center.apply(r);
      for (int i = 0; i < DIM; i++) {
        for (int j = 0; j < DIM; j++) {
          covariance.add(i, j, (rows.get(r)[i] - c[i]) * (rows.get(r)[j] - c[j]) / rows.size());
        }
      }
    }
    double ridge = ClassDistanceFitter.SHRINKAGE * CommonOps_DDRM.trace(covariance) / DIM;
    for (int i = 0; i < DIM; i++) {
      covariance.add(i, i, ridge);
    }
    DMatrixRMaj inverse = new DMatrixRMaj(DIM, DIM);
    CommonOps_DDRM.invert(covariance, inverse);
    return inverse;
  }

  private static double mahalanobis(double[] x, double[] mean, DMatrixRMaj precision) {
    double sum = 0;
    for (int i = 0; i < DIM; i++) {
      for (int j = 0; j < DIM; j++) {
        sum += (x[i] - mean[i]) * precision.get(i, j) * (x[j] - mean[j]);
      }
    }
    return sum;
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
