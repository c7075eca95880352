package io.plantspy.trainer.field;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.runtime.BackboneFiles;
import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.model.runtime.OnnxModel;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.data.Split;
import io.plantspy.trainer.data.TrainingData;
import io.plantspy.trainer.fit.FeatureVectors;
import io.plantspy.trainer.fit.Standardizer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoublePredicate;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the leaf scorer of {@link BackboneGraph#TAPS_AND_LEAF}: a logistic regression telling, from block 13's 816
 * values at one of its 14 x 14 positions, whether that part of the picture is leaf or scene. The pictures are the
 * training split's leaves composited on its background photos (where the leaf went is known: it was drawn there),
 * some under a camera condition, the plain leaf photos (their leaf mask) and the background photos (all scene). It
 * is scored on the test split's leaves composited on the test split's backgrounds, which training never sees.
 */
public final class LeafScorerTrainer {

  private static final Logger log = LoggerFactory.getLogger(LeafScorerTrainer.class);
  private static final String LEAF = "leaf";
  private static final String SCENE = "scene";
  /** A position is labelled leaf when at least this share of its cell is leaf, scene when at most the other. */
  private static final float LEAF_SHARE = 0.75f;
  private static final float SCENE_SHARE = 0.05f;
  /** A leaf photo whose mask covers nearly the whole frame (a leaf filling it, or the mask's fallback) is skipped. */
  private static final float WHOLE_FRAME = 0.97f;
  /** Conditions about the camera, which keep the leaf where it is: some composites get one of them. */
  private static final List<FieldCondition> CAMERA = List.of(FieldCondition.COLOUR_TEMPERATURE,
      FieldCondition.EXPOSURE, FieldCondition.JPEG, FieldCondition.DEFOCUS_BLUR, FieldCondition.MOTION_BLUR,
      FieldCondition.LOW_RESOLUTION);
  private static final int BATCH = 16;
  private static final int GRID = BackboneGraph.LEAF_GRID;
  private static final int CHANNELS = BackboneGraph.LEAF_CHANNELS;

  /**
   * @param photosPerClass training photos per leaf class composited (each also used plain)
   * @param positionsPerLabel at most this many leaf and this many scene positions taken from each picture
   * @param evaluationPhotosPerClass test photos per leaf class composited for the report
   */
  public record Settings(int photosPerClass, int positionsPerLabel, int evaluationPhotosPerClass, int epochs,
      long seed) {}

  /** The scorer in the graph's terms (weights on block 13's raw values), and how it did on the test split. */
  public record LeafScorer(float[] weights, float bias, Score test, int trainingPositions) {}

  /** Positions of the test split's composites: how many of each label the scorer got right (threshold 0.5). */
  public record Score(int leafPositions, int leafRight, int scenePositions, int sceneRight) {
    public double leafRecall() {
      return leafPositions == 0 ? 0 : (double) leafRight / leafPositions;
    }

    public double sceneRecall() {
      return scenePositions == 0 ? 0 : (double) sceneRight / scenePositions;
    }
  }

  private record Picture(BufferedImage image, float[] leafShare) {}

  private final LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
  private final Settings settings;

  public LeafScorerTrainer(Settings settings) {
    this.settings = settings;
  }

  public LeafScorer train(TrainingData data, InferenceOptions inference) {
    try (OnnxModel positions = OnnxModel.load(BackboneGraph.TAPS_AND_LEAF.load(), BackboneFiles.INPUT,
        new long[] {-1, LeafImagePreprocessor.SIZE, LeafImagePreprocessor.SIZE, 3}, BackboneGraph.POSITIONS_OUTPUT,
        new long[] {-1, (long) GRID * GRID * CHANNELS}, inference)) {
      Random random = new Random(settings.seed());
      List<float[]> rows = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Picture> pictures = trainingPictures(data, random);
      log.info("leaf scorer: {} training pictures", pictures.size());
      forEachPosition(positions, pictures, (values, share) -> {
        sample(values, share, LEAF, s -> s >= LEAF_SHARE, random, rows, labels);
        sample(values, share, SCENE, s -> s <= SCENE_SHARE, random, rows, labels);
      });
      log.info("leaf scorer: fitting on {} positions", rows.size());
      float[] logit = fit(rows, labels);
      float[] weights = Arrays.copyOf(logit, CHANNELS);
      float bias = logit[CHANNELS];
      Score test = score(positions, evaluationPictures(data, new Random(settings.seed() + 1)), weights, bias);
      return new LeafScorer(weights, bias, test, rows.size());
    }
  }

  /** Leaf-minus-scene logit of a binary logistic regression on standardised values, folded back to raw values. */
  private float[] fit(List<float[]> rows, List<String> labels) {
    Standardizer standardizer = Standardizer.fit(rows, CHANNELS);
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance("leaf scorer positions", factory), factory);
    String[] names = FeatureVectors.names(CHANNELS);
    for (int i = 0; i < rows.size(); i++) {
      dataset.add(FeatureVectors.example(labels.get(i), names, standardizer.apply(rows.get(i))));
    }
    LinearSGDModel model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), settings.epochs(),
        Integer.MAX_VALUE, 32, settings.seed()).train(dataset);
    ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
    DenseMatrix matrix = model.getWeightsCopy();
    if (matrix.getDimension2Size() != CHANNELS + 1) {
      throw new IllegalStateException("expected " + (CHANNELS + 1) + " weights per label (bias last), got "
          + matrix.getDimension2Size());
    }
    int leaf = outputs.getID(new Label(LEAF));
    int scene = outputs.getID(new Label(SCENE));
    float[] logit = new float[CHANNELS + 1];
    double bias = matrix.get(leaf, CHANNELS) - matrix.get(scene, CHANNELS);
    for (int c = 0; c < CHANNELS; c++) {
      // w . ((x - mean) * inverseStd) = (w * inverseStd) . x - (w * inverseStd) . mean
      double w = (matrix.get(leaf, c) - matrix.get(scene, c)) * standardizer.inverseStd()[c];
      logit[c] = (float) w;
      bias -= w * standardizer.mean()[c];
    }
    logit[CHANNELS] = (float) bias;
    return logit;
  }

  /** The scorer's answers on pictures it was not trained on, position by position. */
  private Score score(OnnxModel positions, List<Picture> pictures, float[] weights, float bias) {
    int[] counts = new int[4];
    forEachPosition(positions, pictures, (values, share) -> {
      for (int p = 0; p < share.length; p++) {
        boolean leaf = share[p] >= LEAF_SHARE;
        if (!leaf && share[p] > SCENE_SHARE) {
          continue;
        }
        double logit = bias;
        for (int c = 0; c < CHANNELS; c++) {
          logit += weights[c] * values[p * CHANNELS + c];
        }
        counts[leaf ? 0 : 2]++;
        counts[leaf ? 1 : 3] += (logit > 0) == leaf ? 1 : 0;
      }
    });
    return new Score(counts[0], counts[1], counts[2], counts[3]);
  }

  private interface PositionsConsumer {
    void accept(float[] values, float[] leafShare);
  }

  private void forEachPosition(OnnxModel positions, List<Picture> pictures, PositionsConsumer consumer) {
    int perImage = LeafImagePreprocessor.TENSOR_LENGTH;
    for (int from = 0; from < pictures.size(); from += BATCH) {
      List<Picture> batch = pictures.subList(from, Math.min(pictures.size(), from + BATCH));
      float[] pixels = new float[batch.size() * perImage];
      IntStream.range(0, batch.size()).parallel()
          .forEach(i -> preprocessor.toTensorInto(batch.get(i).image(), pixels, i * perImage));
      float[][] values = positions.run(pixels, batch.size());
      for (int i = 0; i < batch.size(); i++) {
        consumer.accept(values[i], batch.get(i).leafShare());
      }
    }
  }

  /** Up to {@link Settings#positionsPerLabel()} of the picture's positions that {@code takes}, at random. */
  private void sample(float[] values, float[] share, String label, DoublePredicate takes, Random random,
      List<float[]> rows, List<String> labels) {
    List<Integer> cells = new ArrayList<>(IntStream.range(0, share.length).filter(p -> takes.test(share[p])).boxed()
        .toList());
    Collections.shuffle(cells, random);
    for (int p : cells.subList(0, Math.min(cells.size(), settings.positionsPerLabel()))) {
      rows.add(Arrays.copyOfRange(values, p * CHANNELS, (p + 1) * CHANNELS));
      labels.add(label);
    }
  }

  /**
   * Per leaf class, the first photos of the training split composited on its backgrounds (half of them also under a
   * camera condition) and plain; the training split's background photos, all scene.
   */
  private List<Picture> trainingPictures(TrainingData data, Random random) {
    Map<String, FieldScene> scenes = FieldTrainingViews.scenes(data, this::decode);
    List<Picture> pictures = new ArrayList<>();
    Map<String, Integer> taken = new HashMap<>();
    for (LabelledImage photo : data.split(Split.TRAIN)) {
      if (photo.label().equals(data.backgroundLabel())) {
        pictures.add(new Picture(decode(photo), new float[GRID * GRID]));
      } else if (taken.merge(photo.label(), 1, Integer::sum) <= settings.photosPerClass()) {
        BufferedImage leaf = decode(photo);
        pictures.add(composite(leaf, 1 + random.nextInt(FieldCondition.MAX_SEVERITY), random,
            scenes.get(photo.label()), random.nextBoolean()));
        LeafMask mask = LeafMask.of(leaf);
        float[] share = LeafCoverage.of(mask.cutOut(leaf), GRID);
        if (mean(share) < WHOLE_FRAME) {
          pictures.add(new Picture(leaf, share));
        }
      }
    }
    return pictures;
  }

  /** The test split's first photos of each leaf class composited on its backgrounds at severity 2, and plain. */
  private List<Picture> evaluationPictures(TrainingData data, Random random) {
    List<BufferedImage> backgrounds = FieldConditionsEvaluator.evaluationBackgroundPhotos(data).stream()
        .map(this::decode).toList();
    FieldScene scene = new FieldScene(backgrounds, List.of());
    List<Picture> pictures = new ArrayList<>();
    Map<String, Integer> taken = new HashMap<>();
    for (LabelledImage photo : data.split(Split.TEST)) {
      if (!photo.label().equals(data.backgroundLabel())
          && taken.merge(photo.label(), 1, Integer::sum) <= settings.evaluationPhotosPerClass()) {
        pictures.add(composite(decode(photo), 2, random, scene, false));
      }
    }
    return pictures;
  }

  private static Picture composite(BufferedImage leaf, int severity, Random random, FieldScene scene,
      boolean cameraCondition) {
    MaskedScene composite = FieldCondition.compositeWithMask(leaf, severity, random, scene);
    BufferedImage image = composite.image();
    if (cameraCondition) {
      image = CAMERA.get(random.nextInt(CAMERA.size())).apply(image, 1 + random.nextInt(FieldCondition.MAX_SEVERITY),
          random, scene);
    }
    return new Picture(image, LeafCoverage.of(composite.leaf(), GRID));
  }

  private BufferedImage decode(LabelledImage photo) {
    return FieldFeatures.decode(preprocessor, photo);
  }

  private static double mean(float[] values) {
    double sum = 0;
    for (float value : values) {
      sum += value;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }
}
