package io.plantspy.processor.inference;

import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.processor.config.ProcessorProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The served model release: a {@link PlantClassifier} loaded from the configured models folder. */
public final class ReleaseClassifier implements BatchClassifier, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReleaseClassifier.class);

  private final PlantClassifier classifier;

  public ReleaseClassifier(PlantClassifier classifier) {
    this.classifier = classifier;
  }

  /** Loads {@code releaseDir} if set, else the release {@code modelsDir/CURRENT} names. */
  public static ReleaseClassifier load(ProcessorProperties properties) throws IOException {
    Path release = properties.releaseDir() != null
        ? properties.releaseDir()
        : ReleaseFiles.current(properties.modelsDir());
    ProcessorProperties.Inference inference = properties.inference();
    PlantClassifier classifier = PlantClassifier.load(release,
        new InferenceOptions(inference.intraOpThreads(), inference.cuda(), inference.cudaDeviceId(),
            inference.allowSpinning()));
    log.info("Serving model release {} from {} on {}", classifier.manifest().id(), release,
        classifier.executionProvider());
    return new ReleaseClassifier(classifier);
  }

  @Override
  public List<ClassifierAnswer> diagnose(float[] pixels, int count) {
    return classifier.diagnose(pixels, count);
  }

  @Override
  public String releaseId() {
    return classifier.manifest().id();
  }

  @Override
  public void close() {
    classifier.close();
  }
}
