package io.plantspy.trainer.field;

import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.runtime.Backbone;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.data.Split;
import io.plantspy.trainer.data.TrainingData;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.embed.Embedder;
import io.plantspy.trainer.eval.ScoredImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a release folder on the field-conditions suite: the test split's leaf photos (at most
 * {@code photosPerClass} a class, in split order), each under every condition and severity, composited onto the
 * test split's background photos only (never trained on, also not as the background class), scored through the
 * serving classes and open-set rule.
 */
public final class FieldConditionsEvaluator {

  private FieldConditionsEvaluator() {}

  public static FieldReport evaluate(Path releaseDir, Path datasetDir, Path backgroundDir, Path cacheDir,
      FieldSuite suite, int photosPerClass) throws IOException {
    return evaluate(releaseDir, datasetDir, backgroundDir, cacheDir, suite, photosPerClass, null);
  }

  /**
   * Also writes "where it fails" thumbnails into {@code failuresDir} (when not null); their Markdown is in the
   * report's {@link FieldReport#failures()}.
   */
  public static FieldReport evaluate(Path releaseDir, Path datasetDir, Path backgroundDir, Path cacheDir,
      FieldSuite suite, int photosPerClass, Path failuresDir) throws IOException {
    return evaluate(releaseDir, datasetDir, backgroundDir, cacheDir, suite, photosPerClass, failuresDir, List.of());
  }

  /**
   * With test-time augmentation: each photo is also seen through every one of {@code lenses} (a mirror image...),
   * and the release's probabilities and class distances are averaged over the photo and those views before the
   * open-set rule decides. Each lens is one more backbone pass per photo.
   */
  public static FieldReport evaluate(Path releaseDir, Path datasetDir, Path backgroundDir, Path cacheDir,
      FieldSuite suite, int photosPerClass, Path failuresDir, List<Augmentation> lenses) throws IOException {
    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    return evaluate(releaseDir, manifest, datasetDir, backgroundDir, cacheDir, suite, photosPerClass, failuresDir,
        Long.parseLong(manifest.training().get("seed")), lenses);
  }

  /**
   * The release on the suite built from the test split of {@code splitSeed} rather than the release's own: how two
   * releases are compared on the same photos (a champion may have been split with another seed).
   */
  public static FieldReport evaluateOnSplit(Path releaseDir, Path datasetDir, Path backgroundDir, Path cacheDir,
      FieldSuite suite, int photosPerClass, long splitSeed) throws IOException {
    return evaluate(releaseDir, ReleaseFiles.readManifest(releaseDir), datasetDir, backgroundDir, cacheDir, suite,
        photosPerClass, null, splitSeed, List.of());
  }

  private static FieldReport evaluate(Path releaseDir, ReleaseManifest manifest, Path datasetDir, Path backgroundDir,
      Path cacheDir, FieldSuite suite, int photosPerClass, Path failuresDir, long splitSeed,
      List<Augmentation> lenses) throws IOException {
    if (backgroundDir == null) {
      throw new IllegalArgumentException("the field-conditions suite needs --background (its photos are the scenes)");
    }
    // The photo as it is first, then each test-time lens; one view alone is plain scoring.
    List<Augmentation> views = new ArrayList<>(List.of(Augmentation.NONE));
    views.addAll(lenses);
    TrainingData data = TrainingData.load(datasetDir, backgroundDir, splitSeed);
    List<LabelledImage> leaves = leafPhotos(data, photosPerClass);
    List<LabelledImage> nonLeaf = data.split(Split.TEST).stream()
        .filter(i -> i.label().equals(data.backgroundLabel())).toList();
    OpenSetRule rule = new OpenSetRule(manifest.labels(), manifest.backgroundLabel(), manifest.thresholds());
    try (PlantClassifier classifier = PlantClassifier.load(releaseDir, InferenceOptions.cpu(2));
        Backbone backbone = Backbone.load(manifest.backboneGraph(), InferenceOptions.cpu(2))) {
      FieldFeatures features = new FieldFeatures(backbone, cacheDir);
      Map<String, FieldScene> scenes = scenes(leaves, evaluationBackgrounds(data, features), features);
      Embedder embedder = new Embedder(backbone, cacheDir);
      FieldOutcome clean = FieldOutcome.of(score(classifier, leaves, plainViews(embedder, leaves, views)), rule);
      Double nonLeafUnknown = null;
      if (manifest.backgroundLabel() != null && !nonLeaf.isEmpty()) {
        List<ScoredImage> scored = score(classifier, nonLeaf, plainViews(embedder, nonLeaf, views));
        nonLeafUnknown = scored.stream().filter(s -> rule.decide(s.probabilities(), s.distances()).unknown())
            .count() / (double) scored.size();
      }
      Map<FieldCondition, Map<Integer, FieldOutcome>> outcomes = new LinkedHashMap<>();
      List<FieldMiss> misses = new ArrayList<>();
      for (FieldCondition condition : suite.conditions()) {
        Map<Integer, FieldOutcome> bySeverity = new LinkedHashMap<>();
        for (int severity : suite.severities()) {
          List<Map<String, float[]>> vectors = new ArrayList<>();
          for (Augmentation lens : views) {
            vectors.add(features.embed(leaves, suite, condition, severity, scenes::get, "split" + splitSeed, lens));
          }
          List<ScoredImage> scored = score(classifier, leaves, vectors);
          bySeverity.put(severity, FieldOutcome.of(scored, rule));
          for (ScoredImage image : scored) {
            var answer = rule.decide(image.probabilities(), image.distances());
            if (!answer.unknown() && !answer.predictedClass().equals(image.image().label())) {
              misses.add(new FieldMiss(image.image(), condition, severity, answer.predictedClass()));
            }
          }
        }
        outcomes.put(condition, bySeverity);
      }
      String failures = failuresDir == null ? null : FieldFailures.write(misses, failuresDir,
          failuresDir.getFileName() + "/", miss -> suite.variant(miss.image().sha256(), features.decode(miss.image()),
              miss.condition(), miss.severity(), scenes.get(miss.image().label())));
      return new FieldReport(manifest.id(), suite, photosPerClass, clean, nonLeafUnknown, outcomes, failures);
    }
  }

  /** The test split's leaf photos, at most {@code perClass} of each class, in split order. */
  static List<LabelledImage> leafPhotos(TrainingData data, int perClass) {
    Map<String, Integer> taken = new HashMap<>();
    List<LabelledImage> leaves = new ArrayList<>();
    for (LabelledImage image : data.split(Split.TEST)) {
      if (!image.label().equals(data.backgroundLabel()) && taken.merge(image.label(), 1, Integer::sum) <= perClass) {
        leaves.add(image);
      }
    }
    return leaves;
  }

  /** The background photos of the test split: the only ones the suite draws scenes from. */
  public static List<LabelledImage> evaluationBackgroundPhotos(TrainingData data) {
    return data.split(Split.TEST).stream().filter(i -> i.label().equals(data.backgroundLabel())).toList();
  }

  private static List<BufferedImage> evaluationBackgrounds(TrainingData data, FieldFeatures features) {
    return evaluationBackgroundPhotos(data).stream().map(features::decode).toList();
  }

  private static Map<String, FieldScene> scenes(List<LabelledImage> leaves, List<BufferedImage> backgrounds,
      FieldFeatures features) {
    Map<String, List<BufferedImage>> byClass = new LinkedHashMap<>();
    for (LabelledImage leaf : leaves) {
      byClass.computeIfAbsent(leaf.label(), k -> new ArrayList<>()).add(features.decode(leaf));
    }
    Map<String, FieldScene> scenes = new HashMap<>();
    byClass.forEach((label, photos) -> scenes.put(label, new FieldScene(backgrounds, photos)));
    return scenes;
  }

  /** The photos' features in each view. */
  private static List<Map<String, float[]>> plainViews(Embedder embedder, List<LabelledImage> images,
      List<Augmentation> views) throws IOException {
    List<Map<String, float[]>> vectors = new ArrayList<>();
    for (Augmentation view : views) {
      vectors.add(embedder.embed(images, view));
    }
    return vectors;
  }

  /** Each photo scored in every view, its probabilities and class distances averaged over the views. */
  private static List<ScoredImage> score(PlantClassifier classifier, List<LabelledImage> images,
      List<Map<String, float[]>> views) {
    List<List<ScoredImage>> perView = views.stream().map(v -> score(classifier, images, v)).toList();
    if (perView.size() == 1) {
      return perView.get(0);
    }
    List<ScoredImage> averaged = new ArrayList<>();
    for (int i = 0; i < perView.get(0).size(); i++) {
      int index = i;
      List<ScoredImage> same = perView.stream().map(scored -> scored.get(index)).toList();
      averaged.add(new ScoredImage(same.get(0).image(), mean(same.stream().map(ScoredImage::probabilities).toList()),
          same.get(0).distances() == null ? null : mean(same.stream().map(ScoredImage::distances).toList())));
    }
    return averaged;
  }

  private static float[] mean(List<float[]> vectors) {
    float[] sum = new float[vectors.get(0).length];
    for (float[] vector : vectors) {
      for (int j = 0; j < sum.length; j++) {
        sum[j] += vector[j] / vectors.size();
      }
    }
    return sum;
  }

  private static List<ScoredImage> score(PlantClassifier classifier, List<LabelledImage> images,
      Map<String, float[]> vectors) {
    List<ScoredImage> scored = new ArrayList<>();
    List<LabelledImage> present = images.stream().filter(i -> vectors.containsKey(i.sha256())).toList();
    for (int from = 0; from < present.size(); from += 256) {
      List<LabelledImage> batch = present.subList(from, Math.min(present.size(), from + 256));
      float[][] features = batch.stream().map(i -> vectors.get(i.sha256())).toArray(float[][]::new);
      float[][] probabilities = classifier.probabilities(features);
      float[][] distances = classifier.distances(features);
      for (int i = 0; i < batch.size(); i++) {
        scored.add(new ScoredImage(batch.get(i), probabilities[i], distances == null ? null : distances[i]));
      }
    }
    return scored;
  }
}
