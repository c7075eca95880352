package io.plantspy.trainer.loop;

import io.plantspy.model.release.ClassifierAnswer;
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
import io.plantspy.trainer.field.FieldConditionsEvaluator;
import io.plantspy.trainer.field.FieldOutcome;
import io.plantspy.trainer.field.FieldSuite;
import io.plantspy.trainer.fit.ReleaseTrainer;
import io.plantspy.trainer.fit.TestPredictions;
import io.plantspy.trainer.fit.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one learning-loop run: assemble the training and evaluation sets, train the challenger, score champion and
 * challenger on the same images, decide by the promotion policy.
 *
 * <p>Writes {@code workDir/<runId>/<releaseId>/} (the challenger release, with {@code trained-sha256.txt}) and,
 * in {@code workDir/<runId>/}, both models' prediction CSVs, {@code metrics.json} and the decision.
 */
public final class ChallengerRun {

  /** The file in the challenger's release folder listing the sha256 of every image it was trained on. */
  public static final String TRAINED_SHA256_FILE = "trained-sha256.txt";

  private static final Logger log = LoggerFactory.getLogger(ChallengerRun.class);
  private static final int SCORE_BATCH = 256;

  private final ChallengerRequest request;
  private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
  private final Set<String> decodable = new HashSet<>();
  private long phaseStarted = System.nanoTime();
  private String phase;

  private ChallengerRun(ChallengerRequest request) {
    this.request = request;
  }

  public static RunOutcome run(ChallengerRequest request) throws IOException {
    return new ChallengerRun(request).execute();
  }

  private RunOutcome execute() throws IOException {
    Path reportDir = request.workDir().resolve(request.runId());
    Path challengerDir = request.trainedChallenger() != null ? request.trainedChallenger()
        : reportDir.resolve(request.releaseId());
    ReleaseManifest champion = ReleaseFiles.readManifest(request.championDir());

    enter("preparing", 0, "splitting the base dataset and " + request.labSamples().size() + " lab samples");
    TrainingData base = TrainingData.load(request.baseDataset(), request.backgroundDir(), request.seed());
    LoopTrainingSet set = LoopTrainingSet.assemble(base, request.labSamples(), request.seed(),
        request.heldBackShare());
    log.info("run {}: {} lab samples trained, {} held back, {} duplicates; {} evaluation images", request.runId(),
        set.labTrained().size(), set.labHeldBack().size(), set.labDuplicates(), set.evaluation().size());

    enter("embedding", 0.05, "embedding training and evaluation images (cached ones are reused)");
    Map<String, float[]> evaluationFeatures = embed(set);

    List<String> trained;
    ReleaseManifest challenger;
    if (request.trainedChallenger() != null) {
      // Trained before (e.g. by `train` with the same seed and options): compared as it is, nothing written into it.
      enter("training", 0.55, "using the trained challenger " + challengerDir);
      challenger = ReleaseFiles.readManifest(challengerDir);
      String challengerSeed = challenger.training().get("seed");
      if (!Long.toString(request.seed()).equals(challengerSeed)) {
        throw new IllegalArgumentException("the challenger " + challenger.id() + " was split with seed "
            + challengerSeed + ", this run with " + request.seed() + ": its test photos would not be the evaluation's");
      }
      trained = List.of();
    } else {
      enter("training", 0.55, "training the challenger on " + set.data().split(Split.TRAIN).size() + " images");
      // A photo that does not decode has no features and is skipped by training: it is not listed as trained.
      trained = set.trainedSha256s().stream().filter(decodable::contains).toList();
      challenger = train(set, challengerDir, champion);
      Files.write(challengerDir.resolve(TRAINED_SHA256_FILE), trained);
    }

    enter("evaluating", 0.85, "champion and challenger on " + set.evaluation().size() + " evaluation images");
    Files.createDirectories(reportDir);
    Path championCsv = reportDir.resolve("champion-predictions.csv");
    Path challengerCsv = reportDir.resolve("challenger-predictions.csv");
    List<ClassifierAnswer> championAnswers = answers(request.championDir(), set.evaluation(),
        featuresFor(champion, set.evaluation(), evaluationFeatures), championCsv);
    List<ClassifierAnswer> challengerAnswers = answers(challengerDir, set.evaluation(),
        featuresFor(challenger, set.evaluation(), evaluationFeatures), challengerCsv);

    FieldComparison field = null;
    if (request.backgroundDir() != null) {
      enter("field conditions", 0.9, "champion and challenger on the field-conditions suite");
      field = new FieldComparison(fieldMean(request.championDir()), fieldMean(challengerDir));
    }

    enter("deciding", 0.97, "applying the promotion rule");
    // Whether a photo is a leaf is a fact of the data, not of either model (a champion may lack the background class).
    String background = set.data().backgroundLabel();
    List<PairedAnswer> paired = new ArrayList<>();
    List<PairedAnswer> topClass = new ArrayList<>();
    List<LabelledImage> scored = set.evaluation().stream()
        .filter(i -> evaluationFeatures.containsKey(i.sha256())).toList();
    for (int i = 0; i < scored.size(); i++) {
      String label = scored.get(i).label();
      paired.add(new PairedAnswer(scored.get(i),
          Comparisons.correct(label, championAnswers.get(i), background),
          Comparisons.correct(label, challengerAnswers.get(i), background)));
      topClass.add(new PairedAnswer(scored.get(i),
          Comparisons.topClassCorrect(label, championAnswers.get(i), background),
          Comparisons.topClassCorrect(label, challengerAnswers.get(i), background)));
    }
    Comparison comparison = Comparisons.compare(paired, new HashSet<>(champion.labels()), background, championCsv,
        challengerCsv);
    Decision decision = withCaveats(PromotionRule.decide(comparison, field, request.policy()), champion);
    finish();
    Comparison topClassOnly = Comparisons.compare(topClass, new HashSet<>(champion.labels()), background, championCsv,
        challengerCsv);
    RunReports.write(reportDir, request, champion.id(), set, comparison, topClassOnly, decision, phaseSeconds);
    progress(1, decision.promote() ? "challenger promoted" : "champion kept");
    log.info("run {}: {} ({})", request.runId(), decision.promote() ? "challenger promoted" : "champion kept",
        String.join("; ", decision.reasons()));
    return new RunOutcome(challengerDir, challenger, comparison, decision, reportDir, trained);
  }

  /**
   * Embeds every image the run needs, one augmentation at a time so progress can be reported, and returns the
   * plain features of the evaluation images. Training then finds them all in the cache.
   */
  private Map<String, float[]> embed(LoopTrainingSet set) throws IOException {
    List<LabelledImage> train = set.data().split(Split.TRAIN);
    List<LabelledImage> plain = new ArrayList<>(train);
    plain.addAll(set.data().split(Split.VALIDATION));
    plain.addAll(set.evaluation());
    long total = plain.size() + (long) train.size() * (request.augmentations().size() - 1);
    long done = 0;
    try (Backbone backbone = Backbone.load(request.backbone(), InferenceOptions.cpu(2))) {
      Embedder embedder = new Embedder(backbone, request.cacheDir());
      Map<String, float[]> features = embedder.embed(plain, Augmentation.NONE);
      decodable.addAll(features.keySet());
      done += plain.size();
      progress(0.05 + 0.5 * done / total, "embedded " + done + " of " + total + " image views");
      for (Augmentation augmentation : request.augmentations()) {
        if (augmentation != Augmentation.NONE) {
          embedder.embed(train, augmentation);
          done += train.size();
          progress(0.05 + 0.5 * done / total, "embedded " + done + " of " + total + " image views");
        }
      }
      Map<String, float[]> evaluation = new HashMap<>();
      for (LabelledImage image : set.evaluation()) {
        float[] vector = features.get(image.sha256());
        if (vector != null) {
          evaluation.put(image.sha256(), vector);
        }
      }
      return evaluation;
    }
  }

  /**
   * The evaluation images' features on the graph {@code release} was trained on: the run's own when it is the run's
   * graph, else embedded with the release's (a champion on other backbone features), for the same photos.
   */
  private Map<String, float[]> featuresFor(ReleaseManifest release, List<LabelledImage> evaluation,
      Map<String, float[]> runFeatures) throws IOException {
    if (release.backboneGraph() == request.backbone()) {
      return runFeatures;
    }
    List<LabelledImage> present = evaluation.stream().filter(i -> runFeatures.containsKey(i.sha256())).toList();
    try (Backbone backbone = Backbone.load(release.backboneGraph(), InferenceOptions.cpu(2))) {
      return new Embedder(backbone, request.cacheDir()).embed(present, Augmentation.NONE);
    }
  }

  private ReleaseManifest train(LoopTrainingSet set, Path challengerDir, ReleaseManifest champion)
      throws IOException {
    TrainingRequest training = new TrainingRequest(request.baseDataset(), request.backgroundDir(), challengerDir,
        request.releaseId(), request.seed(), request.head(), request.augmentations(), request.cacheDir(), List.of(),
        request.maxLostCorrect(), request.fieldViews(), request.fieldViewPhotosPerClass(), request.backbone());
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("run_id", request.runId());
    provenance.put("champion", champion.id());
    provenance.put("lab_samples_trained", Integer.toString(set.labTrained().size()));
    provenance.put("lab_samples_held_back", Integer.toString(set.labHeldBack().size()));
    provenance.put("lab_samples_duplicate", Integer.toString(set.labDuplicates()));
    provenance.put("lab_held_back_share", Double.toString(request.heldBackShare()));
    provenance.put("trained_sha256_file", TRAINED_SHA256_FILE);
    return new ReleaseTrainer(training, set.data(), provenance).run().manifest();
  }

  /**
   * A release's mean on the field-conditions suite drawn from this run's split of the base dataset, so both models
   * meet the same photos (the suite's features are cached: the second model costs only its head).
   */
  private FieldOutcome fieldMean(Path releaseDir) throws IOException {
    return FieldConditionsEvaluator.evaluateOnSplit(releaseDir, request.baseDataset(), request.backgroundDir(),
        request.cacheDir(), FieldSuite.headline(), FieldSuite.DEFAULT_PHOTOS_PER_CLASS, request.seed()).mean();
  }

  /** A release's answers for the evaluation images that have features, in order, also written as CSV. */
  private static List<ClassifierAnswer> answers(Path releaseDir, List<LabelledImage> images,
      Map<String, float[]> features, Path csv) throws IOException {
    List<LabelledImage> present = images.stream().filter(i -> features.containsKey(i.sha256())).toList();
    try (PlantClassifier classifier = PlantClassifier.load(releaseDir, InferenceOptions.cpu(2))) {
      List<ScoredImage> scores = new ArrayList<>(present.size());
      for (int from = 0; from < present.size(); from += SCORE_BATCH) {
        List<LabelledImage> batch = present.subList(from, Math.min(present.size(), from + SCORE_BATCH));
        float[][] vectors = batch.stream().map(i -> features.get(i.sha256())).toArray(float[][]::new);
        float[][] probabilities = classifier.probabilities(vectors);
        float[][] distances = classifier.distances(vectors); // null for a release without a class-distance model
        for (int i = 0; i < batch.size(); i++) {
          scores.add(new ScoredImage(batch.get(i), probabilities[i], distances == null ? null : distances[i]));
        }
      }
      ReleaseManifest manifest = classifier.manifest();
      TestPredictions.write(csv, scores, manifest.labels(),
          new OpenSetRule(manifest.labels(), manifest.backgroundLabel(), manifest.thresholds()));
      return scores.stream().map(s -> classifier.decide(s.probabilities(), s.distances())).toList();
    }
  }

  /** Adds what a reader must know to trust the comparison, without changing the rule's verdict. */
  private Decision withCaveats(Decision decision, ReleaseManifest champion) {
    String championSeed = champion.training().get("seed");
    if (championSeed == null || championSeed.equals(Long.toString(request.seed()))) {
      return decision;
    }
    List<String> reasons = new ArrayList<>(decision.reasons());
    reasons.add("caution: the champion was split with seed " + championSeed + ", this run with " + request.seed()
        + ", so some evaluation images may be ones the champion was trained on");
    return new Decision(decision.promote(), reasons);
  }

  private void enter(String next, double fraction, String detail) {
    finish();
    phase = next;
    phaseStarted = System.nanoTime();
    progress(fraction, detail);
  }

  private void finish() {
    if (phase != null) {
      phaseSeconds.put(phase, (System.nanoTime() - phaseStarted) / 1e9);
      log.info("run {}: {} took {} s", request.runId(), phase,
          String.format(Locale.ROOT, "%.1f", phaseSeconds.get(phase)));
    }
  }

  private void progress(double fraction, String detail) {
    if (request.progress() != null) {
      request.progress().accept(new RunProgress(phase, Math.min(1, fraction), detail));
    }
  }
}
