package io.plantspy.trainer.fit;

import ai.onnx.proto.OnnxMl;
import io.plantspy.model.release.ClassDistanceModel;
import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.release.Thresholds;
import io.plantspy.model.runtime.Backbone;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.model.runtime.OnnxModel;
import io.plantspy.model.runtime.Sha256;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.data.Split;
import io.plantspy.trainer.data.TrainingData;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.embed.Embedder;
import io.plantspy.trainer.eval.Evaluation;
import io.plantspy.trainer.eval.HeadScorer;
import io.plantspy.trainer.eval.ReportWriter;
import io.plantspy.trainer.eval.ScoredImage;
import io.plantspy.trainer.field.FieldTrainingViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a release end to end: split the dataset, embed it with the frozen backbone, train the head, export
 * it to ONNX, fit the class-distance model, calibrate the open-set thresholds on validation, evaluate on test
 * through ONNX Runtime (the serving path), and write the release folder with its reports and model card.
 */
public final class ReleaseTrainer {

  private static final Logger log = LoggerFactory.getLogger(ReleaseTrainer.class);

  /** What a run produced. */
  public record Outcome(ReleaseManifest manifest, Evaluation test, Map<String, Double> holdOut) {}

  private final TrainingRequest request;
  private final TrainingData assembled;
  private final Map<String, String> provenance;

  /** Trains on {@code request.datasetDir()}, split by content with the request's seed. */
  public ReleaseTrainer(TrainingRequest request) {
    this(request, null, Map.of());
  }

  /**
   * Trains on data assembled by the caller (the learning loop: base dataset plus lab samples) instead of loading
   * the dataset folder; {@code provenance} entries are added to the manifest's training section.
   */
  public ReleaseTrainer(TrainingRequest request, TrainingData data, Map<String, String> provenance) {
    this.request = request;
    this.assembled = data;
    this.provenance = Map.copyOf(provenance);
  }

  public Outcome run() throws IOException {
    TrainingData data = assembled != null ? assembled
        : TrainingData.load(request.datasetDir(), request.backgroundDir(), request.seed());
    log.info("{} images, {} classes; train {}, validation {}, test {}", data.images().size(), data.labels().size(),
        data.split(Split.TRAIN).size(), data.split(Split.VALIDATION).size(), data.split(Split.TEST).size());
    try (Backbone backbone = Backbone.load(request.backbone(), InferenceOptions.cpu(2))) {
      Embedder embedder = new Embedder(backbone, request.cacheDir());
      Map<String, Map<String, float[]>> trainFeatures = new LinkedHashMap<>();
      for (Augmentation augmentation : request.augmentations()) {
        trainFeatures.put(augmentation.name(), embedder.embed(data.split(Split.TRAIN), augmentation));
      }
      if (!request.fieldViews().isEmpty()) {
        trainFeatures.putAll(FieldTrainingViews.embed(data, request.fieldViews(), request.fieldViewPhotosPerClass(),
            request.seed(), backbone, request.cacheDir()));
      }
      List<LabelledImage> evaluated = new ArrayList<>(data.split(Split.VALIDATION));
      evaluated.addAll(data.split(Split.TEST));
      Map<String, float[]> plain = new HashMap<>(trainFeatures.get(PLAIN));
      plain.putAll(embedder.embed(evaluated, Augmentation.NONE));

      HeadRun main = trainHead(data, trainFeatures, plain, List.of());
      Map<String, Double> holdOut = request.holdOut().isEmpty()
          ? Map.of() : holdOutExperiment(data, trainFeatures, plain, embedder);
      ReleaseManifest manifest = writeRelease(data, backbone, main, holdOut);
      return new Outcome(manifest, main.test(), holdOut);
    }
  }

  /** The view every training photo has: the photo itself. */
  private static final String PLAIN = Augmentation.NONE.name();

  /** The file a release keeps its class-distance model in. */
  static final String CLASS_DISTANCES_FILE = "class-distances.onnx";

  private record HeadRun(TrainedHead model, byte[] onnx, String input, String output, List<String> labels,
      byte[] distancesOnnx, Thresholds thresholds, List<ScoredImage> validationScores, Evaluation test,
      List<ScoredImage> testScores, double parity) {}

  private HeadRun trainHead(TrainingData data, Map<String, Map<String, float[]>> trainFeatures,
      Map<String, float[]> plain, List<String> excluded) {
    List<LabelledImage> trainImages = without(data.split(Split.TRAIN), excluded);
    Standardizer standardizer = Standardizer.fit(trainImages.stream()
        .map(i -> trainFeatures.get(PLAIN).get(i.sha256())).filter(java.util.Objects::nonNull).toList(),
        request.backbone().featureDim());
    List<float[]> rows = new ArrayList<>();
    List<String> rowLabels = new ArrayList<>();
    for (LabelledImage image : trainImages) {
      for (Map<String, float[]> features : trainFeatures.values()) {
        float[] vector = features.get(image.sha256());
        if (vector != null) {
          rows.add(standardizer.apply(vector));
          rowLabels.add(image.label());
        }
      }
    }
    log.info("training {} head on {} examples{}", request.head().kind(), rows.size(),
        excluded.isEmpty() ? "" : " without " + excluded);
    long started = System.nanoTime();
    TrainedHead model = new HeadTrainer(request.head()).train(rows, rowLabels, request.datasetDir().toString());
    rows = null; // the standardised copies are the largest thing held; the class distance makes its own
    log.info("head trained in {} s", (System.nanoTime() - started) / 1_000_000_000);
    OnnxMl.ModelProto proto = StandardizedHead.wrap(model.exportOnnx(request.backbone().featureDim()), standardizer);
    byte[] onnx = proto.toByteArray();
    String input = proto.getGraph().getInput(0).getName();
    String output = proto.getGraph().getOutput(0).getName();
    List<String> labels = model.labels();
    // The class distance learns what a class's photos look like: the photos as they are and, when trained with
    // them, under field conditions too (else every composite is far from every class and answered unknown).
    List<Map<String, float[]>> distanceViews = new ArrayList<>();
    distanceViews.add(trainFeatures.get(PLAIN));
    request.fieldViews().forEach(view -> distanceViews.add(trainFeatures.get(view.toString())));
    byte[] distancesOnnx = fitClassDistances(trainImages, distanceViews, labels, data.backgroundLabel(),
        standardizer);
    long[] featureShape = {-1, request.backbone().featureDim()};
    long[] perLabelShape = {-1, labels.size()};
    try (OnnxModel head = OnnxModel.load(onnx, input, featureShape, output, perLabelShape, InferenceOptions.cpu(2));
        OnnxModel distances = OnnxModel.load(distancesOnnx, ClassDistanceFitter.INPUT, featureShape,
            ClassDistanceFitter.OUTPUT, perLabelShape, InferenceOptions.cpu(2))) {
      List<LabelledImage> validation = without(data.split(Split.VALIDATION), excluded);
      List<LabelledImage> test = without(data.split(Split.TEST), excluded);
      List<ScoredImage> validationScores = HeadScorer.score(head, distances, validation, plain);
      Thresholds thresholds = ThresholdCalibrator.calibrate(labels, data.backgroundLabel(), validationScores,
          request.maxLostCorrect());
      List<ScoredImage> testScores = HeadScorer.score(head, distances, test, plain);
      Evaluation evaluation =
          new Evaluation(labels, data.backgroundLabel(), new OpenSetRule(labels, data.backgroundLabel(), thresholds),
              testScores);
      double parity = HeadOnnxParity.agreement(model, standardizer, testScores, plain);
      return new HeadRun(model, onnx, input, output, labels, distancesOnnx, thresholds, validationScores, evaluation,
          testScores, parity);
    }
  }

  /**
   * The class-distance model on the training photos as they are and under the field views (each view a row),
   * standardised like the head's.
   */
  private static byte[] fitClassDistances(List<LabelledImage> trainImages, List<Map<String, float[]>> views,
      List<String> labels, String backgroundLabel, Standardizer standardizer) {
    List<float[]> rows = new ArrayList<>();
    List<Integer> rowLabels = new ArrayList<>();
    for (Map<String, float[]> features : views) {
      for (LabelledImage image : trainImages) {
        float[] vector = features.get(image.sha256());
        if (vector != null) {
          rows.add(standardizer.apply(vector));
          rowLabels.add(labels.indexOf(image.label()));
        }
      }
    }
    long started = System.nanoTime();
    byte[] onnx = ClassDistanceFitter.fit(rows, rowLabels.stream().mapToInt(Integer::intValue).toArray(), labels,
        labels.indexOf(backgroundLabel), standardizer).toByteArray();
    log.info("class-distance model fitted on {} photo views in {} s", rows.size(),
        (System.nanoTime() - started) / 1_000_000_000);
    return onnx;
  }

  /**
   * Trains without some classes and shows the head every image of them: how many come out unknown rather
   * than as a confident wrong class. This is the open-set behaviour for crops and diseases labs have not
   * contributed yet. Three rules, each calibrated on the same validation split with the same budget, are
   * compared on the same images: max-softmax alone (releases before the class-distance model), the class
   * distance alone, and both (what a release serves).
   */
  private Map<String, Double> holdOutExperiment(TrainingData data, Map<String, Map<String, float[]>> trainFeatures,
      Map<String, float[]> plain, Embedder embedder) throws IOException {
    List<LabelledImage> unseen = data.images().stream().filter(i -> request.holdOut().contains(i.label())).toList();
    Map<String, float[]> features = new HashMap<>(plain);
    features.putAll(embedder.embed(unseen, Augmentation.NONE));
    HeadRun run = trainHead(data, trainFeatures, features, request.holdOut());
    String background = data.backgroundLabel();
    Map<String, Thresholds> rules = new LinkedHashMap<>();
    rules.put("max_softmax", ThresholdCalibrator.calibrate(run.labels(), background,
        run.validationScores().stream().map(ScoredImage::withoutDistances).toList(), request.maxLostCorrect()));
    rules.put("class_distance", ThresholdCalibrator.classDistanceOnly(run.labels(), background,
        run.validationScores(), request.maxLostCorrect()));
    rules.put("max_softmax_or_class_distance", run.thresholds());
    Map<String, Double> result = new LinkedHashMap<>();
    try (OnnxModel head = OnnxModel.load(run.onnx(), run.input(), new long[] {-1, request.backbone().featureDim()},
        run.output(), new long[] {-1, run.labels().size()}, InferenceOptions.cpu(2));
        OnnxModel distances = OnnxModel.load(run.distancesOnnx(), ClassDistanceFitter.INPUT,
            new long[] {-1, request.backbone().featureDim()}, ClassDistanceFitter.OUTPUT,
            new long[] {-1, run.labels().size()}, InferenceOptions.cpu(2))) {
      List<ScoredImage> unseenScores = HeadScorer.score(head, distances, unseen, features);
      for (Map.Entry<String, Thresholds> rule : rules.entrySet()) {
        OpenSetRule decide = new OpenSetRule(run.labels(), background, rule.getValue());
        boolean served = rule.getKey().equals("max_softmax_or_class_distance");
        int unknown = 0;
        for (String label : request.holdOut()) {
          List<ScoredImage> ofClass = unseenScores.stream().filter(s -> s.image().label().equals(label)).toList();
          int classUnknown = 0;
          for (ScoredImage scored : ofClass) {
            classUnknown += decide.decide(scored.probabilities(), scored.distances()).unknown() ? 1 : 0;
          }
          unknown += classUnknown;
          if (served) {
            result.put("held_out_unknown." + label, ofClass.isEmpty() ? 0 : (double) classUnknown / ofClass.size());
          }
        }
        double lost = new Evaluation(run.labels(), background, decide, run.testScores()).metrics()
            .get("correct_answers_lost_to_unknown");
        String prefix = "held_out_rule." + rule.getKey();
        result.put(prefix + ".unknown", unseenScores.isEmpty() ? 0 : (double) unknown / unseenScores.size());
        result.put(prefix + ".lost_correct", lost);
        if (served) {
          result.put("held_out_unknown", unseenScores.isEmpty() ? 0 : (double) unknown / unseenScores.size());
        }
      }
      result.put("held_out_threshold", run.thresholds().minConfidence());
      result.put("held_out_max_class_distance", run.thresholds().maxClassDistance());
      result.put("held_out_in_class_top1", run.test().metrics().get("top1_accuracy"));
    }
    return result;
  }

  private ReleaseManifest writeRelease(TrainingData data, Backbone backbone, HeadRun run, Map<String, Double> holdOut)
      throws IOException {
    Path dir = request.releaseDir();
    Files.createDirectories(dir);
    Files.write(dir.resolve("head.onnx"), run.onnx());
    Files.write(dir.resolve(CLASS_DISTANCES_FILE), run.distancesOnnx());
    Map<String, Double> metrics = new LinkedHashMap<>(run.test().metrics());
    metrics.put("onnx_matches_trainer", run.parity());
    Map<String, String> training = new LinkedHashMap<>();
    training.put("dataset", request.datasetDir().getFileName().toString());
    training.put("background", request.backgroundDir() == null ? "" : request.backgroundDir().getFileName().toString());
    training.put("seed", Long.toString(request.seed()));
    training.put("split", "stratified by class on sha256(seed:content); validation "
        + TrainingData.VALIDATION_FRACTION + ", test " + TrainingData.TEST_FRACTION);
    training.put("train_images", Integer.toString(data.split(Split.TRAIN).size()));
    training.put("validation_images", Integer.toString(data.split(Split.VALIDATION).size()));
    training.put("test_images", Integer.toString(data.split(Split.TEST).size()));
    training.put("augmentations", request.augmentations().toString());
    if (!request.fieldViews().isEmpty()) {
      training.put("field_views", request.fieldViews() + " (training-split backgrounds and leaves only; views about the "
          + "camera also on the background class's photos; head and class distance"
          + (request.fieldViewPhotosPerClass() == 0 ? "" : "; " + request.fieldViewPhotosPerClass()
          + " photos per class") + ")");
    }
    training.put("head", run.model().description());
    training.put("preprocessing", Embedder.PREPROCESSING_VERSION);
    training.put("max_lost_correct_on_validation", Double.toString(request.maxLostCorrect()));
    training.put("open_set", "max-softmax (" + ThresholdCalibrator.SOFTMAX_SHARE + " of the budget) or class distance");
    TrainingRecipe.of(request.head(), request.fieldViews(), request.fieldViewPhotosPerClass()).entries()
        .forEach(training::put);
    new java.util.TreeMap<>(provenance).forEach(training::put);
    ReleaseManifest manifest = new ReleaseManifest(request.releaseId(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), request.backbone().fileName(), backbone.sha256(),
        "head.onnx", Sha256.hex(run.onnx()), run.input(), run.output(), run.labels(), data.backgroundLabel(),
        run.thresholds(), new ClassDistanceModel(CLASS_DISTANCES_FILE, Sha256.hex(run.distancesOnnx()),
            ClassDistanceFitter.INPUT, ClassDistanceFitter.OUTPUT, ClassDistanceFitter.METHOD), metrics, training);
    ReleaseFiles.writeManifest(dir, manifest);
    ReportWriter.write(run.test(), "PlantSpy " + request.releaseId() + " — test split", dir.resolve("evaluation"));
    TestPredictions.write(dir.resolve("evaluation/test-predictions.csv"), run.testScores(), run.labels(),
        new OpenSetRule(run.labels(), data.backgroundLabel(), run.thresholds()));
    ModelCard.write(dir.resolve("MODEL_CARD.md"), manifest, run.test(), holdOut, request);
    return manifest;
  }

  private static List<LabelledImage> without(List<LabelledImage> images, List<String> excluded) {
    return images.stream().filter(i -> !excluded.contains(i.label())).toList();
  }
}
