package io.plantspy.trainer;

import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.field.FieldView;
import io.plantspy.trainer.fit.HeadKind;
import io.plantspy.trainer.fit.HeadSettings;
import io.plantspy.trainer.fit.TrainingRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * Training requests for tests, built by name: a small, quick run (one view per photo, 10 epochs, no hold-out)
 * unless a test says otherwise, so each test shows only what it varies.
 */
public final class TestTraining {

  private final Path dataset;
  private Path background;
  private Path releaseDir;
  private String releaseId = "test-release";
  private long seed = 42;
  private int epochs = 10;
  private double learningRate = 0.1;
  private int minibatch = 8;
  private int mlpHiddenUnits;
  private List<Augmentation> augmentations = List.of(Augmentation.NONE);
  private Path cache;
  private List<String> holdOut = List.of();
  private double maxLostCorrect = 0.05;
  private List<FieldView> fieldViews = List.of();
  private BackboneGraph backbone = BackboneGraph.TAPS;

  private TestTraining(Path dataset) {
    this.dataset = dataset;
  }

  /** A run on {@code dataset} writing {@code releaseDir}, with its embedding cache beside the release. */
  public static TestTraining on(Path dataset, Path releaseDir) {
    TestTraining training = new TestTraining(dataset);
    training.releaseDir = releaseDir;
    training.cache = releaseDir.resolveSibling(releaseDir.getFileName() + "-cache");
    return training;
  }

  public TestTraining background(Path background) {
    this.background = background;
    return this;
  }

  public TestTraining releaseId(String releaseId) {
    this.releaseId = releaseId;
    return this;
  }

  /** Split and shuffling seed. */
  public TestTraining seed(long seed) {
    this.seed = seed;
    return this;
  }

  public TestTraining head(int epochs, double learningRate, int minibatch) {
    this.epochs = epochs;
    this.learningRate = learningRate;
    this.minibatch = minibatch;
    return this;
  }

  public TestTraining augmentations(Augmentation... augmentations) {
    this.augmentations = List.of(augmentations);
    return this;
  }

  public TestTraining cache(Path cache) {
    this.cache = cache;
    return this;
  }

  public TestTraining holdOut(List<String> classes) {
    this.holdOut = classes;
    return this;
  }

  public TestTraining maxLostCorrect(double maxLostCorrect) {
    this.maxLostCorrect = maxLostCorrect;
    return this;
  }

  /** An MLP head of this width instead of the logistic head (Adam's learning rate 0.01). */
  public TestTraining mlp(int hiddenUnits) {
    this.mlpHiddenUnits = hiddenUnits;
    this.learningRate = 0.01;
    return this;
  }

  public TestTraining fieldViews(FieldView... views) {
    this.fieldViews = List.of(views);
    return this;
  }

  public TestTraining backbone(BackboneGraph backbone) {
    this.backbone = backbone;
    return this;
  }

  public TrainingRequest request() {
    return new TrainingRequest(dataset, background, releaseDir, releaseId, seed,
        mlpHiddenUnits == 0 ? new HeadSettings(epochs, learningRate, minibatch, seed)
            : new HeadSettings(HeadKind.MLP, epochs, learningRate, minibatch, seed, mlpHiddenUnits, 0.2), augmentations, cache, holdOut, maxLostCorrect,
        fieldViews, 0, backbone);
  }
}
