package io.plantspy.trainer.fit;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Fits the open-set class-distance model and exports it as an ONNX graph from raw backbone features to one
 * distance per label: the relative Mahalanobis distance (Ren et al. 2021) of the image to each class, in the
 * space of the {@value #COMPONENTS} principal components of the standardised training features. That is the
 * squared Mahalanobis distance to the class mean under the classes' shared covariance, minus the squared
 * Mahalanobis distance to the mean of all training leaves under their overall covariance: the second term cancels
 * what makes an image far from everything (its exposure, its background), leaving how far it is from the class.
 *
 * <p>Softmax confidence says how sure the head is between the classes it knows; a leaf of a disease it has never
 * seen can still be far from all of them, which this distance sees and max-softmax does not.
 */
public final class ClassDistanceFitter {

  /** Principal components kept: fewer lose the directions that tell unseen classes apart, more add noise. */
  static final int COMPONENTS = 512;
  /** Ridge added to both covariances, as a share of their mean variance, so they invert stably. */
  static final double SHRINKAGE = 1e-3;
  /** Rows the principal components are computed from (evenly spaced among the training leaves). */
  static final int PCA_ROWS = 2000;
  static final String INPUT = "features";
  static final String OUTPUT = "distances";
  static final String METHOD = "relative Mahalanobis distance to each class (class distance under the shared "
      + "within-class covariance minus the distance to all training leaves under their covariance), in the "
      + COMPONENTS + " principal components of the standardised features";

  private ClassDistanceFitter() {}

  /**
   * @param rows standardised training feature vectors
   * @param rowLabels each row's label index into {@code labels}
   * @param labels the head's labels (output columns)
   * @param backgroundIndex the background label's index, or -1: its rows give its column but not the
   *     covariances or the principal components, which describe leaves
   */
  public static OnnxMl.ModelProto fit(List<float[]> rows, int[] rowLabels, List<String> labels, int backgroundIndex,
      Standardizer standardizer) {
    int d = standardizer.mean().length;
    int[] leafRows = IntStream.range(0, rows.size()).filter(i -> rowLabels[i] != backgroundIndex).toArray();
    int k = Math.min(COMPONENTS, d);
    if (leafRows.length < 2) {
      throw new IllegalArgumentException("too few training leaves for a class-distance model: " + leafRows.length);
    }
    DMatrixRMaj leaves = new DMatrixRMaj(leafRows.length, d);
    for (int r = 0; r < leafRows.length; r++) {
      float[] row = rows.get(leafRows[r]);
      for (int j = 0; j < d; j++) {
        leaves.data[r * d + j] = row[j];
      }
    }
    double[] center = new double[d];
    for (int r = 0; r < leafRows.length; r++) {
      for (int j = 0; j < d; j++) {
        center[j] += leaves.data[r * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      center[j] /= leafRows.length;
    }
    for (int r = 0; r < leafRows.length; r++) {
      for (int j = 0; j < d; j++) {
        leaves.data[r * d + j] -= center[j];
      }
    }
    DMatrixRMaj basis = principalComponents(leaves, k);
    k = basis.numCols;

    // Every row projected on the components, centred on the leaves' mean.
    DMatrixRMaj all = new DMatrixRMaj(rows.size(), d);
    for (int r = 0; r < rows.size(); r++) {
      float[] row = rows.get(r);
      for (int j = 0; j < d; j++) {
        all.data[r * d + j] = row[j] - center[j];
      }
    }
    DMatrixRMaj projected = new DMatrixRMaj(rows.size(), k);
    CommonOps_MT_DDRM.mult(all, basis, projected);

    int classes = labels.size();
    DMatrixRMaj means = new DMatrixRMaj(classes, k);
    int[] counts = new int[classes];
    for (int r = 0; r < rows.size(); r++) {
      counts[rowLabels[r]]++;
      for (int j = 0; j < k; j++) {
        means.data[rowLabels[r] * k + j] += projected.get(r, j);
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < k; j++) {
        means.data[c * k + j] /= Math.max(1, counts[c]);
      }
    }
    DMatrixRMaj withinClass = new DMatrixRMaj(leafRows.length, k);
    DMatrixRMaj overall = new DMatrixRMaj(leafRows.length, k);
    for (int r = 0; r < leafRows.length; r++) {
      int row = leafRows[r];
      for (int j = 0; j < k; j++) {
        overall.data[r * k + j] = projected.get(row, j);
        withinClass.data[r * k + j] = projected.get(row, j) - means.get(rowLabels[row], j);
      }
    }
    DMatrixRMaj whitenWithin = whitening(withinClass);
    DMatrixRMaj whitenOverall = whitening(overall);
    DMatrixRMaj whitenedMeans = new DMatrixRMaj(classes, k);
    CommonOps_DDRM.mult(means, whitenWithin, whitenedMeans);
    float[] meanNorms = new float[classes];
    for (int c = 0; c < classes; c++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += whitenedMeans.get(c, j) * whitenedMeans.get(c, j);
      }
      meanNorms[c] = (float) sum;
    }
    float[] standardizedCenter = new float[d];
    for (int j = 0; j < d; j++) {
      standardizedCenter[j] = (float) center[j];
    }
    return graph(standardizer, standardizedCenter, basis, whitenWithin, whitenOverall,
        CommonOps_DDRM.transpose(whitenedMeans, null), meanNorms);
  }

  /**
   * The {@code k} leading principal components of the centred rows, as the columns of a d × k matrix. They are
   * computed from at most {@value #PCA_ROWS} evenly spaced rows through their Gram matrix (an m × m
   * eigenproblem instead of a d × d one): the components barely move, and the fit takes seconds, not minutes.
   */
  private static DMatrixRMaj principalComponents(DMatrixRMaj centred, int k) {
    int d = centred.numCols;
    int stride = Math.max(1, (centred.numRows + PCA_ROWS - 1) / PCA_ROWS);
    int m = (centred.numRows + stride - 1) / stride;
    DMatrixRMaj sample = new DMatrixRMaj(m, d);
    for (int r = 0; r < m; r++) {
      System.arraycopy(centred.data, r * stride * d, sample.data, r * d, d);
    }
    DMatrixRMaj gram = new DMatrixRMaj(m, m);
    CommonOps_MT_DDRM.multTransB(sample, sample, gram);
    EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(m, true, true);
    if (!eigen.decompose(gram)) {
      throw new IllegalStateException("eigendecomposition of the features' Gram matrix failed");
    }
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -eigen.getEigenvalue(i).real));
    // Directions without variance (a small dataset has fewer than k) carry nothing to whiten: leave them out.
    double largest = eigen.getEigenvalue(order[0]).real;
    int kept = 0;
    while (kept < Math.min(k, m) && eigen.getEigenvalue(order[kept]).real > largest * 1e-9) {
      kept++;
    }
    // Component i = sampleᵀ u_i / sqrt(λ_i), a unit vector since |sampleᵀ u_i|² = λ_i.
    DMatrixRMaj scaled = new DMatrixRMaj(m, kept);
    for (int c = 0; c < kept; c++) {
      double eigenvalue = eigen.getEigenvalue(order[c]).real;
      DMatrixRMaj vector = eigen.getEigenVector(order[c]);
      for (int r = 0; r < m; r++) {
        scaled.set(r, c, vector.get(r, 0) / Math.sqrt(eigenvalue));
      }
    }
    DMatrixRMaj basis = new DMatrixRMaj(d, kept);
    CommonOps_MT_DDRM.multTransA(sample, scaled, basis);
    return basis;
  }

  /**
   * A k × k matrix W with {@code |x W|^2} = the squared Mahalanobis length of x under the rows' (shrunk)
   * covariance: the lower Cholesky factor of the inverse covariance.
   */
  private static DMatrixRMaj whitening(DMatrixRMaj rows) {
    int k = rows.numCols;
    DMatrixRMaj covariance = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransA(rows, rows, covariance);
    CommonOps_DDRM.scale(1.0 / rows.numRows, covariance);
    double ridge = SHRINKAGE * CommonOps_DDRM.trace(covariance) / k;
    for (int i = 0; i < k; i++) {
      covariance.add(i, i, ridge);
    }
    DMatrixRMaj inverse = new DMatrixRMaj(k, k);
    if (!CommonOps_DDRM.invertSPD(covariance, inverse)) {
      throw new IllegalStateException("the shrunk covariance is not positive definite");
    }
    CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(k, true);
    if (!cholesky.decompose(inverse)) {
      throw new IllegalStateException("the inverse covariance is not positive definite");
    }
    return cholesky.getT(null);
  }

  /**
   * features → standardise → centre → project (d × k) → whiten twice (k × k): distance to class c =
   * |w|² − 2 w·m_c + |m_c|² − |v|², with w the class-whitened and v the overall-whitened projection.
   */
  private static OnnxMl.ModelProto graph(Standardizer standardizer, float[] center, DMatrixRMaj basis,
      DMatrixRMaj whitenWithin, DMatrixRMaj whitenOverall, DMatrixRMaj whitenedMeansT, float[] meanNorms) {
    int d = basis.numRows;
    int k = basis.numCols;
    int classes = meanNorms.length;
    float[] ones = new float[k];
    Arrays.fill(ones, 1f);
    List<OnnxMl.TensorProto> initializers = new ArrayList<>(List.of(
        tensor("standardize_mean", standardizer.mean(), d),
        tensor("standardize_inverse_std", standardizer.inverseStd(), d),
        tensor("leaf_center", center, d),
        tensor("components", toFloats(basis), d, k),
        tensor("whiten_within", toFloats(whitenWithin), k, k),
        tensor("whiten_overall", toFloats(whitenOverall), k, k),
        tensor("class_means_t", toFloats(whitenedMeansT), k, classes),
        tensor("class_mean_norms", meanNorms, classes),
        tensor("ones", ones, k, 1),
        tensor("minus_two", new float[] {-2f})));
    List<OnnxMl.NodeProto> nodes = List.of(
        node("Sub", INPUT, "standardize_mean", "centered"),
        node("Mul", "centered", "standardize_inverse_std", "standardized"),
        node("Sub", "standardized", "leaf_center", "leaf_centered"),
        node("MatMul", "leaf_centered", "components", "projected"),
        node("MatMul", "projected", "whiten_within", "within"),
        node("MatMul", "projected", "whiten_overall", "overall"),
        node("Mul", "within", "within", "within_squares"),
        node("MatMul", "within_squares", "ones", "within_norm"),
        node("Mul", "overall", "overall", "overall_squares"),
        node("MatMul", "overall_squares", "ones", "overall_norm"),
        node("MatMul", "within", "class_means_t", "dots"),
        node("Mul", "dots", "minus_two", "minus_two_dots"),
        node("Add", "minus_two_dots", "within_norm", "partial"),
        node("Add", "partial", "class_mean_norms", "class_distance"),
        node("Sub", "class_distance", "overall_norm", OUTPUT));
    return OnnxGraphs.model("plantspy_class_distances", List.of(OnnxGraphs.valueInfo(INPUT, d)),
        List.of(OnnxGraphs.valueInfo(OUTPUT, classes)), initializers, nodes);
  }

  private static OnnxMl.NodeProto node(String op, String left, String right, String output) {
    return OnnxGraphs.node(op, left, right, output);
  }

  private static float[] toFloats(DMatrixRMaj matrix) {
    float[] values = new float[matrix.data.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) matrix.data[i];
    }
    return values;
  }

  private static OnnxMl.TensorProto tensor(String name, float[] values, long... dims) {
    return OnnxGraphs.tensor(name, values, dims);
  }
}
