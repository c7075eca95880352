package io.plantspy.trainerservice.runs;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.schemas.LabSample;
import io.plantspy.trainer.embed.EmbeddingCache;
import io.plantspy.trainer.fit.TrainingRecipe;
import io.plantspy.trainer.loop.ChallengerRequest;
import io.plantspy.trainer.loop.LabSampleFile;
import io.plantspy.trainer.loop.PromotionPolicy;
import io.plantspy.trainer.loop.RunOutcome;
import io.plantspy.trainerservice.lab.LabImageCopies;
import io.plantspy.trainerservice.lab.LabSamples;
import io.plantspy.trainerservice.registry.ReleaseRecord;
import io.plantspy.trainerservice.registry.Releases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out one queued run on the worker thread: records what it trains on, copies the lab images, trains and
 * compares through {@link ChallengerTrainer}, registers the challenger, promotes it when the decision says so, and
 * records the outcome. Any failure ends the run FAILED with its reason, and nothing is promoted.
 */
@Component
class RunExecution {

  private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

  private final RunStore store;
  private final LabSamples samples;
  private final LabImageCopies images;
  private final Releases releases;
  private final ChallengerTrainer trainer;
  private final RunsProperties props;
  private final Clock clock;

  RunExecution(RunStore store, LabSamples samples, LabImageCopies images, Releases releases,
      ChallengerTrainer trainer, RunsProperties props, Clock clock) {
    this.store = store;
    this.samples = samples;
    this.images = images;
    this.releases = releases;
    this.trainer = trainer;
    this.props = props;
    this.clock = clock;
  }

  void execute(String runId) {
    List<LabSample> live = samples.liveSamples();
    List<String> sha256s = live.stream().map(LabSample::getSha256).toList();
    if (!store.start(runId, clock.instant(), props.seed(), sha256s)) {
      return; // not queued any more (failed at recovery, or already taken)
    }
    log.info("Training run {} started with {} lab samples", runId, live.size());
    try {
      RunOutcome outcome = trainer.train(request(runId, images.copy(live)));
      RunResult result = RunResult.of(outcome);
      ReleaseRecord challenger = releases.registerChallenger(outcome.challengerDir(), runId, result.promoted(),
          result.reasons());
      if (result.promoted()) {
        releases.promote(challenger.id());
      }
      store.succeed(runId, clock.instant(), result);
      log.info("Training run {} succeeded: challenger {} {}", runId, challenger.id(),
          result.promoted() ? "promoted" : "not promoted");
    } catch (Exception e) { // whatever went wrong, the run ends FAILED with the reason, not RUNNING for ever
      if (e instanceof RunFailure) { // a configuration matter: the reason says it all
        log.warn("Training run {} failed: {}", runId, e.getMessage());
      } else {
        log.warn("Training run {} failed: {}", runId, e.toString(), e);
      }
      store.fail(runId, clock.instant(), reason(e));
    }
  }

  private ChallengerRequest request(String runId, List<LabSampleFile> labSamples) throws IOException {
    Path base = props.baseDataset();
    if (base == null) {
      throw new RunFailure("no base dataset configured: set plantspy.trainer.runs.base-dataset to a folder with one"
          + " folder of photos per class (./plantspy up passes ../shared/datasets/plantvillage when it exists)");
    }
    if (!Files.isDirectory(base)) {
      throw new RunFailure("the base dataset " + base.toAbsolutePath() + " is not a folder");
    }
    Path background = props.backgroundDir() != null && Files.isDirectory(props.backgroundDir())
        ? props.backgroundDir() : null;
    // The run writes its folder, workDir/<runId>, itself.
    Path workDir = Files.createDirectories(props.workDir());
    Path cache = props.embeddingCache() != null ? props.embeddingCache() : EmbeddingCache.defaultDir();
    String releaseId = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "-run-" + runId.substring(0, 8);
    ProgressRecorder progress = new ProgressRecorder(p -> store.progress(runId, p));
    Path championDir = releases.championDir();
    ReleaseManifest champion = ReleaseFiles.readManifest(championDir);
    TrainingRecipe recipe = ChallengerRecipe.choose(props, champion);
    double maxLostCorrect = ChallengerRecipe.maxLostCorrect(props, champion);
    log.info("Training run {} trains its challenger with a {} on the {} backbone features, calibrated to lose at most"
        + " {} of validation answers", runId, recipe, champion.backboneGraph(), maxLostCorrect);
    return new ChallengerRequest(runId, releaseId, base, background, labSamples, championDir, workDir,
        cache, props.seed(), props.heldBackShare(), recipe.head(props.seed()),
        props.augmentations(), maxLostCorrect,
        new PromotionPolicy(props.maxRecallDropPoints(), props.minNewClassImages(), props.classRegressionAlpha(),
            props.cleanMarginPoints(), props.minFieldGainPoints(), props.maxFieldDropPoints()),
        progress, recipe.fieldViews(), recipe.fieldViewPhotosPerClass(), null, champion.backboneGraph());
  }

  private static String reason(Exception e) {
    if (e instanceof RunFailure) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** A run that cannot start for a reason people can fix (configuration), reported as it is. */
  static final class RunFailure extends IOException {
    private static final long serialVersionUID = 1L;

    RunFailure(String message) {
      super(message);
    }
  }
}
