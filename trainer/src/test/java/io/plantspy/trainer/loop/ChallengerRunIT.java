package io.plantspy.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.trainer.TestData;
import io.plantspy.trainer.TestTraining;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.field.FieldConditionsEvaluator;
import io.plantspy.trainer.field.FieldOutcome;
import io.plantspy.trainer.field.FieldSuite;
import io.plantspy.trainer.fit.HeadSettings;
import io.plantspy.trainer.fit.ReleaseTrainer;
import io.plantspy.trainer.fit.TestPredictions;
import io.plantspy.model.runtime.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning loop's demonstration in small, on real PlantVillage photos: a champion trained without one class,
 * lab samples of that class, a run that promotes the challenger because it now answers the class; and a run with
 * mislabelled lab samples whose challenger is worse and is not promoted.
 */
class ChallengerRunIT {

  private static final long SEED = 20261127L;
  private static final List<String> BASE_CLASSES = List.of("Apple___healthy", "Blueberry___healthy",
      "Corn_(maize)___Common_rust_", "Orange___Haunglongbing_(Citrus_greening)");
  private static final String NEW_CLASS = "Strawberry___Leaf_scorch";
  private static final int PER_CLASS = 100;
  private static final double HELD_BACK_SHARE = 0.4;
  private static final int HELD_BACK = 40;
  /**
   * The 2 points with the default significance test. With 20 test photos a class one photo is 5 points of
   * recall, and heads trained on 80 photos a class move by a photo or two from one shuffle to the next; such a drop
   * is not significant on the class's own photos (p >= 0.25) and does not block, while the mislabelled samples'
   * seven-photo drop or more does (docs/learning-loop.md).
   */
  private static final PromotionPolicy POLICY = new PromotionPolicy(2, 10);

  @TempDir
  static Path work;

  private static Path base;
  private static Path champion;

  @BeforeAll
  static void trainAChampionWithoutTheNewClass() throws IOException {
    Path dataset = TestData.dataset();
    base = work.resolve("base");
    for (String label : BASE_CLASSES) {
      copy(dataset.resolve(label), base.resolve(label), 0, PER_CLASS);
    }
    champion = work.resolve("champion");
    new ReleaseTrainer(TestTraining.on(base, champion).releaseId("champion").seed(SEED).head(10, 0.1, 16)
        .cache(work.resolve("cache")).maxLostCorrect(0.02).request()).run();
  }

  @Test
  void labSamplesOfANewClassGiveAChallengerThatIsPromotedAndAnswersIt() throws IOException {
    List<LabSampleFile> samples = samples(copy(TestData.dataset().resolve(NEW_CLASS), work.resolve("lab-new"), 0,
        PER_CLASS), NEW_CLASS);
    List<RunProgress> progress = new ArrayList<>();

    RunOutcome outcome = ChallengerRun.run(request("run-new-class", samples, progress::add));

    ClassComparison newClass = outcome.comparison().classes().stream()
        .filter(c -> c.label().equals(NEW_CLASS)).findFirst().orElseThrow();
    assertThat(newClass.championRecall()).isNaN();
    assertThat(newClass.images()).isEqualTo(HELD_BACK);
    // The head learns the class: its top class is right on at least 90 % of the held-back photos. Served, with the
    // open-set rule (max-softmax or class distance, the latter fitted here on 5 x 80 photos only), some of them are
    // flagged unknown (6 of 40 with this seed), so the served recall is held to 80 %; the full-size run reaches
    // 85-98 % served (docs/learning-loop.md).
    List<TestPredictions.Row> newClassAnswers = TestPredictions.read(outcome.comparison().challengerPredictions())
        .values().stream().filter(row -> row.label().equals(NEW_CLASS)).toList();
    assertThat(newClassAnswers).hasSize(HELD_BACK);
    assertThat(newClassAnswers.stream().filter(row -> row.predicted().equals(NEW_CLASS)).count())
        .as("held-back photos with the new class on top").isGreaterThanOrEqualTo(HELD_BACK * 9 / 10);
    assertThat(newClass.challengerRecall()).as(outcome.decision().reasons().toString()).isGreaterThanOrEqualTo(0.8);
    assertThat(outcome.decision().promote()).as(outcome.decision().reasons().toString()).isTrue();
    assertThat(outcome.comparison().challengerTop1()).isGreaterThan(outcome.comparison().championTop1());

    // Reproducible: the trained images are listed in the release, and no held-back photo is among them.
    assertThat(Files.readAllLines(outcome.challengerDir().resolve(ChallengerRun.TRAINED_SHA256_FILE)))
        .isEqualTo(outcome.trainedSha256s());
    List<String> heldBack = TestPredictions.read(outcome.comparison().challengerPredictions()).values().stream()
        .filter(row -> row.label().equals(NEW_CLASS)).map(TestPredictions.Row::sha256).toList();
    assertThat(heldBack).hasSize(HELD_BACK);
    assertThat(outcome.trainedSha256s()).doesNotContainAnyElementsOf(heldBack);
    assertThat(ReleaseFiles.readManifest(outcome.challengerDir()).training())
        .containsEntry("run_id", "run-new-class")
        .containsEntry("lab_samples_trained", Integer.toString(PER_CLASS - HELD_BACK))
        .containsEntry("lab_samples_held_back", Integer.toString(HELD_BACK))
        .containsEntry("seed", Long.toString(SEED));
    assertThat(outcome.challenger().labels()).contains(NEW_CLASS);

    // Both models' answers on the same images, and the decision, are kept with the run.
    assertThat(TestPredictions.read(outcome.comparison().championPredictions()).keySet())
        .isEqualTo(TestPredictions.read(outcome.comparison().challengerPredictions()).keySet());
    assertThat(Files.readString(outcome.reportDir().resolve("metrics.json"))).contains("\"topClassOnly\"")
        .contains("\"phaseSeconds\"");
    assertThat(Files.readString(outcome.reportDir().resolve("decision.json"))).contains("\"promote\" : true");
    assertThat(progress).extracting(RunProgress::phase).containsSubsequence("preparing", "embedding", "training",
        "evaluating", "deciding");
    assertThat(progress).extracting(RunProgress::fraction).isSorted().last().isEqualTo(1.0);
  }

  @Test
  void mislabelledLabSamplesGiveAWorseChallengerThatIsNotPromoted() throws IOException {
    // Corn rust photos the base set does not have, sent by a lab as healthy apple leaves.
    String wrongLabel = "Apple___healthy";
    List<LabSampleFile> samples = samples(copy(TestData.dataset().resolve("Corn_(maize)___Common_rust_"),
        work.resolve("lab-wrong").resolve(wrongLabel), PER_CLASS, 2 * PER_CLASS), wrongLabel);

    RunOutcome outcome = ChallengerRun.run(request("run-wrong-label", samples, p -> {}));

    // The challenger "agrees" with the wrong label on the held-back mislabelled photos, so top-1 alone could
    // favour it; the per-class rule is what catches it.
    assertThat(outcome.decision().promote()).as(outcome.decision().reasons().toString()).isFalse();
    assertThat(outcome.decision().reasons())
        .anyMatch(r -> r.contains("Corn_(maize)___Common_rust_ lost") && r.endsWith("significant (p < 0.0500), blocks")
            || r.contains("below the champion's"));
  }

  @Test
  void aTrainedChallengerIsComparedAsItIsAndOneSplitWithAnotherSeedIsRefused() throws IOException {
    // An MLP head on the champion's own data and seed: a challenger that differs by its training options alone.
    Path trained = work.resolve("trained-mlp");
    new ReleaseTrainer(TestTraining.on(base, trained).releaseId("trained-mlp").seed(SEED).mlp(32)
        .cache(work.resolve("cache")).maxLostCorrect(0.02).request()).run();
    String headSha256 = ReleaseFiles.readManifest(trained).headSha256();

    RunOutcome outcome = ChallengerRun.run(trainedRequest("run-trained", trained, SEED));

    assertThat(outcome.challengerDir()).isEqualTo(trained);
    assertThat(outcome.challenger().training().get("head")).contains("MLP");
    assertThat(ReleaseFiles.readManifest(trained).headSha256()).isEqualTo(headSha256);
    assertThat(trained.resolve(ChallengerRun.TRAINED_SHA256_FILE)).doesNotExist();
    assertThat(TestPredictions.read(outcome.comparison().championPredictions()).keySet())
        .isEqualTo(TestPredictions.read(outcome.comparison().challengerPredictions()).keySet());
    assertThat(outcome.reportDir().resolve("decision.json")).isRegularFile();

    assertThatThrownBy(() -> ChallengerRun.run(trainedRequest("run-other-seed", trained, SEED + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed");
  }

  @Test
  void aChallengerOnOtherBackboneFeaturesIsScoredWithItsOwnAndTheChampionWithItsOnTheSamePhotos() throws IOException {
    RunOutcome outcome = ChallengerRun.run(new ChallengerRequest("run-whole", "run-whole-challenger", base, null,
        List.of(), champion, work.resolve("runs"), work.resolve("cache"), SEED, HELD_BACK_SHARE,
        new HeadSettings(10, 0.1, 16, SEED), List.of(Augmentation.NONE), 0.02, POLICY, p -> {}, List.of(), 0, null,
        BackboneGraph.WHOLE));

    assertThat(outcome.challenger().backboneGraph()).isEqualTo(BackboneGraph.WHOLE);
    assertThat(ReleaseFiles.readManifest(champion).backboneGraph()).isEqualTo(BackboneGraph.TAPS);
    assertThat(TestPredictions.read(outcome.comparison().championPredictions()).keySet())
        .isEqualTo(TestPredictions.read(outcome.comparison().challengerPredictions()).keySet());
    // Each model read features of its own width (a head fed the other graph's would fail to run at all) and
    // both classify the four base classes well.
    assertThat(outcome.comparison().championTop1()).isGreaterThan(0.8);
    assertThat(outcome.comparison().challengerTop1()).isGreaterThan(0.8);
  }

  private static ChallengerRequest trainedRequest(String runId, Path trained, long seed) {
    return new ChallengerRequest(runId, runId, base, null, List.of(), champion, work.resolve("runs"),
        work.resolve("cache"), seed, HELD_BACK_SHARE, new HeadSettings(10, 0.1, 16, seed), List.of(Augmentation.NONE),
        0.02, POLICY, p -> {}, List.of(), 0, trained);
  }

  @Test
  void withBackgroundPhotosBothModelsMeetTheSameFieldSuiteAndTheDecisionSaysHowEachDid() throws IOException {
    List<LabSampleFile> samples = samples(copy(TestData.dataset().resolve(NEW_CLASS), work.resolve("lab-field"), 0,
        PER_CLASS), NEW_CLASS);
    List<RunProgress> progress = new ArrayList<>();

    RunOutcome outcome = ChallengerRun.run(new ChallengerRequest("run-field", "run-field-challenger", base,
        TestData.background(), samples, champion, work.resolve("runs"), work.resolve("cache"), SEED, HELD_BACK_SHARE,
        new HeadSettings(10, 0.1, 16, SEED), List.of(Augmentation.NONE), 0.02, POLICY, progress::add));

    // The figures in the decision are the suite's, measured on this run's split for each model.
    FieldOutcome championField = FieldConditionsEvaluator.evaluateOnSplit(champion, base, TestData.background(),
        work.resolve("cache"), FieldSuite.headline(), FieldSuite.DEFAULT_PHOTOS_PER_CLASS, SEED).mean();
    FieldOutcome challengerField = FieldConditionsEvaluator.evaluateOnSplit(outcome.challengerDir(), base,
        TestData.background(), work.resolve("cache"), FieldSuite.headline(), FieldSuite.DEFAULT_PHOTOS_PER_CLASS,
        SEED).mean();
    assertThat(championField.images()).isPositive();
    assertThat(outcome.decision().reasons()).anyMatch(r -> r.startsWith(String.format(Locale.ROOT,
        "field-conditions suite: served answers right %.2f %% -> %.2f %%", championField.answeredRight() * 100,
        challengerField.answeredRight() * 100)));
    assertThat(progress).extracting(RunProgress::phase).containsSubsequence("evaluating", "field conditions",
        "deciding");
  }

  private static ChallengerRequest request(String runId, List<LabSampleFile> samples,
      java.util.function.Consumer<RunProgress> progress) {
    return new ChallengerRequest(runId, runId + "-challenger", base, null, samples, champion, work.resolve("runs"),
        work.resolve("cache"), SEED, HELD_BACK_SHARE, new HeadSettings(10, 0.1, 16, SEED),
        List.of(Augmentation.NONE), 0.02, POLICY, progress);
  }

  private static List<LabSampleFile> samples(List<Path> files, String label) throws IOException {
    List<LabSampleFile> samples = new ArrayList<>();
    for (Path file : files) {
      samples.add(new LabSampleFile("lab-" + file.getFileName(), label, Sha256.hex(file), file));
    }
    return samples;
  }

  /** Copies photos {@code from} (inclusive) to {@code to} (exclusive) of a class folder, in file-name order. */
  private static List<Path> copy(Path classDir, Path target, int from, int to) throws IOException {
    Files.createDirectories(target);
    List<Path> copied = new ArrayList<>();
    try (Stream<Path> files = Files.list(classDir)) {
      for (Path file : files.sorted().skip(from).limit(to - from).toList()) {
        copied.add(Files.copy(file, target.resolve(file.getFileName())));
      }
    }
    return copied;
  }

}
