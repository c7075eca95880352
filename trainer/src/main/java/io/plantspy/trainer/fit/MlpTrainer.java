package io.plantspy.trainer.fit;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link MlpHead} on standardised feature vectors: softmax cross-entropy, He initialisation, inverted
 * dropout on the hidden layer, AdamW with a cosine-decayed learning rate, minibatches in a seeded shuffled order.
 * Tribuo 4.3 has no MLP and the well-kept Java alternatives are GPL (Smile 3) or need a native engine (DJL), so the
 * loop is written here on float arrays; its inner loops are row-by-row {@code y += a·x} so that the JIT vectorises
 * them. Rows of a minibatch (forward pass) and rows of the first weight matrix (its gradient) are computed in
 * parallel, each by one thread in a fixed order, so a seed gives the same head on any number of cores.
 */
public final class MlpTrainer {

  private static final Logger log = LoggerFactory.getLogger(MlpTrainer.class);

  /** Decoupled weight decay (AdamW), a light regulariser beside dropout. */
  private static final float WEIGHT_DECAY = 1e-4f;
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;
  /**
   * Rows of a minibatch that share one pass over the first layer's weights, and rows of its weight gradient that
   * share one pass over the minibatch's deltas: each weight (or delta) row is read from memory once per tile
   * instead of once per row, while the tile's accumulators stay in the L1 cache. Every output is still summed in
   * the same order, so tiling changes no result.
   */
  private static final int TILE = 8;
  /** Parameters per parallel chunk of the AdamW update (element-wise, so any split gives the same result). */
  private static final int UPDATE_CHUNK = 1 << 15;

  private final HeadSettings settings;

  public MlpTrainer(HeadSettings settings) {
    this.settings = settings;
  }

  /**
   * @param rows standardised feature vectors, all of one width
   * @param targets index into {@code labels} of each row
   */
  public MlpHead train(List<float[]> rows, int[] targets, List<String> labels) {
    if (rows.isEmpty() || rows.size() != targets.length) {
      throw new IllegalArgumentException("need one target per row and at least one row");
    }
    int inputs = rows.get(0).length;
    int hidden = settings.hiddenUnits();
    int classes = labels.size();
    Random random = new Random(settings.seed());
    Layer first = Layer.he(inputs, hidden, random);
    Layer second = Layer.he(hidden, classes, random);
    int batchSize = Math.min(settings.minibatch(), rows.size());
    int stepsPerEpoch = (rows.size() + batchSize - 1) / batchSize;
    long totalSteps = (long) stepsPerEpoch * settings.epochs();
    float keep = (float) (1 - settings.dropout());
    int[] order = IntStream.range(0, rows.size()).toArray();
    float[][] z1 = new float[batchSize][hidden];
    float[][] a1 = new float[batchSize][hidden];
    float[][] dz2 = new float[batchSize][classes];
    float[][] dz1 = new float[batchSize][hidden];
    float[][] x = new float[batchSize][];
    long step = 0;
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      shuffle(order, random);
      double loss = 0;
      int correct = 0;
      for (int from = 0; from < order.length; from += batchSize) {
        int n = Math.min(batchSize, order.length - from);
        int[] y = new int[n];
        for (int b = 0; b < n; b++) {
          x[b] = rows.get(order[from + b]);
          y[b] = targets[order[from + b]];
        }
        // Forward: hidden pre-activations, dropout mask folded into the activations.
        int tiles = (n + TILE - 1) / TILE;
        IntStream.range(0, tiles).parallel()
            .forEach(t -> first.forwardTile(x, z1, t * TILE, Math.min(n, (t + 1) * TILE)));
        for (int b = 0; b < n; b++) {
          for (int j = 0; j < hidden; j++) {
            boolean dropped = keep < 1 && random.nextFloat() >= keep;
            a1[b][j] = z1[b][j] > 0 && !dropped ? z1[b][j] / keep : 0;
          }
        }
        for (int b = 0; b < n; b++) {
          second.forward(a1[b], dz2[b]);
          double[] p = MlpHead.softmax(toDouble(dz2[b]));
          int best = 0;
          for (int c = 0; c < classes; c++) {
            best = p[c] > p[best] ? c : best;
            dz2[b][c] = (float) ((p[c] - (c == y[b] ? 1 : 0)) / n);
          }
          loss -= Math.log(Math.max(p[y[b]], 1e-12));
          correct += best == y[b] ? 1 : 0;
        }
        // Backward: the second layer, back through ReLU and dropout (a1 is 0 where either cut), the first layer.
        for (int b = 0; b < n; b++) {
          second.backInto(dz2[b], a1[b], dz1[b]);
          for (int j = 0; j < hidden; j++) {
            dz1[b][j] = a1[b][j] > 0 ? dz1[b][j] / keep : 0;
          }
        }
        second.gradient(a1, dz2, n, false);
        first.gradient(x, dz1, n, true);
        step++;
        float rate = (float) (settings.learningRate() * 0.5 * (1 + Math.cos(Math.PI * (step - 1) / totalSteps)));
        first.adamW(rate, step);
        second.adamW(rate, step);
      }
      log.info("MLP epoch {}/{}: training loss {}, training top-1 {}", epoch, settings.epochs(),
          String.format("%.4f", loss / rows.size()), String.format("%.4f", (double) correct / rows.size()));
    }
    String description = "per-feature standardisation, then a one-hidden-layer MLP (" + inputs + " → " + hidden
        + " ReLU → " + classes + " softmax, dropout " + settings.dropout() + "), AdamW lr=" + settings.learningRate()
        + " cosine-decayed, weight decay " + WEIGHT_DECAY + ", epochs=" + settings.epochs() + ", minibatch="
        + settings.minibatch();
    return new MlpHead(labels, inputs, hidden, first.weights, first.bias, second.weights, second.bias, description);
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /** A dense layer {@code out = in W + bias} with its gradients and Adam moments. */
  private static final class Layer {
    final int in;
    final int out;
    final float[] weights;
    final float[] bias;
    final float[] weightGrad;
    final float[] biasGrad;
    final float[] m;
    final float[] v;
    final float[] biasM;
    final float[] biasV;

    private Layer(int in, int out) {
      this.in = in;
      this.out = out;
      weights = new float[in * out];
      bias = new float[out];
      weightGrad = new float[in * out];
      biasGrad = new float[out];
      m = new float[in * out];
      v = new float[in * out];
      biasM = new float[out];
      biasV = new float[out];
    }

    static Layer he(int in, int out, Random random) {
      Layer layer = new Layer(in, out);
      double scale = Math.sqrt(2.0 / in);
      for (int i = 0; i < layer.weights.length; i++) {
        layer.weights[i] = (float) (random.nextGaussian() * scale);
      }
      return layer;
    }

    void forward(float[] input, float[] result) {
      System.arraycopy(bias, 0, result, 0, out);
      for (int i = 0; i < in; i++) {
        float a = input[i];
        if (a != 0) {
          int row = i * out;
          for (int j = 0; j < out; j++) {
            result[j] += a * weights[row + j];
          }
        }
      }
    }

    /**
     * {@link #forward} for the rows {@code [from, to)} of a minibatch, reading each weight row once for all. Four
     * weight rows are added per pass over a result, in their order: the same sums, with a quarter of the result's
     * loads and stores (which bound this loop, not the arithmetic).
     */
    void forwardTile(float[][] inputs, float[][] results, int from, int to) {
      for (int s = from; s < to; s++) {
        System.arraycopy(bias, 0, results[s], 0, out);
      }
      int i = 0;
      for (; i + 4 <= in; i += 4) {
        int r0 = i * out;
        int r1 = r0 + out;
        int r2 = r1 + out;
        int r3 = r2 + out;
        for (int s = from; s < to; s++) {
          float[] input = inputs[s];
          float a0 = input[i];
          float a1 = input[i + 1];
          float a2 = input[i + 2];
          float a3 = input[i + 3];
          float[] result = results[s];
          for (int j = 0; j < out; j++) {
            result[j] = (((result[j] + a0 * weights[r0 + j]) + a1 * weights[r1 + j]) + a2 * weights[r2 + j])
                + a3 * weights[r3 + j];
          }
        }
      }
      for (; i < in; i++) {
        int row = i * out;
        for (int s = from; s < to; s++) {
          float a = inputs[s][i];
          float[] result = results[s];
          for (int j = 0; j < out; j++) {
            result[j] += a * weights[row + j];
          }
        }
      }
    }

    /** The gradient with respect to this layer's input: {@code delta Wᵀ}. */
    void backInto(float[] delta, float[] input, float[] result) {
      for (int i = 0; i < in; i++) {
        int row = i * out;
        float sum = 0;
        for (int j = 0; j < out; j++) {
          sum += delta[j] * weights[row + j];
        }
        result[i] = sum;
      }
    }

    /** Sets the weight and bias gradients of a minibatch: {@code inputᵀ delta} and the column sums of delta. */
    void gradient(float[][] inputs, float[][] deltas, int n, boolean parallel) {
      IntStream tilesOfRows = IntStream.range(0, (in + TILE - 1) / TILE);
      (parallel ? tilesOfRows.parallel() : tilesOfRows).forEach(t -> {
        int first = t * TILE;
        int last = Math.min(in, first + TILE);
        java.util.Arrays.fill(weightGrad, first * out, last * out, 0f);
        // Four minibatch rows per pass over a gradient row, added in their order (see forwardTile).
        int b = 0;
        for (; b + 4 <= n; b += 4) {
          float[] d0 = deltas[b];
          float[] d1 = deltas[b + 1];
          float[] d2 = deltas[b + 2];
          float[] d3 = deltas[b + 3];
          for (int i = first; i < last; i++) {
            float a0 = inputs[b][i];
            float a1 = inputs[b + 1][i];
            float a2 = inputs[b + 2][i];
            float a3 = inputs[b + 3][i];
            int row = i * out;
            for (int j = 0; j < out; j++) {
              weightGrad[row + j] = (((weightGrad[row + j] + a0 * d0[j]) + a1 * d1[j]) + a2 * d2[j]) + a3 * d3[j];
            }
          }
        }
        for (; b < n; b++) {
          float[] input = inputs[b];
          float[] delta = deltas[b];
          for (int i = first; i < last; i++) {
            float a = input[i];
            int row = i * out;
            for (int j = 0; j < out; j++) {
              weightGrad[row + j] += a * delta[j];
            }
          }
        }
      });
      java.util.Arrays.fill(biasGrad, 0f);
      for (int b = 0; b < n; b++) {
        for (int j = 0; j < out; j++) {
          biasGrad[j] += deltas[b][j];
        }
      }
    }

    void adamW(float rate, long step) {
      float correction1 = (float) (1 - Math.pow(BETA1, step));
      float correction2 = (float) (1 - Math.pow(BETA2, step));
      IntStream.range(0, (weights.length + UPDATE_CHUNK - 1) / UPDATE_CHUNK).parallel().forEach(c -> update(weights,
          weightGrad, m, v, rate, correction1, correction2, WEIGHT_DECAY, c * UPDATE_CHUNK,
          Math.min(weights.length, (c + 1) * UPDATE_CHUNK)));
      update(bias, biasGrad, biasM, biasV, rate, correction1, correction2, 0, 0, bias.length);
    }

    private static void update(float[] params, float[] grads, float[] m, float[] v, float rate, float correction1,
        float correction2, float decay, int from, int to) {
      for (int i = from; i < to; i++) {
        float g = grads[i];
        m[i] = BETA1 * m[i] + (1 - BETA1) * g;
        v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
        float mHat = m[i] / correction1;
        float vHat = v[i] / correction2;
        params[i] -= rate * (mHat / ((float) Math.sqrt(vHat) + EPSILON) + decay * params[i]);
      }
    }
  }
}
