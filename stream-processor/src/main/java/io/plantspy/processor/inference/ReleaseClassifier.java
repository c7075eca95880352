package io.plantspy.processor.inference;

import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.processor.config.ProcessorProperties;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One model release ready to serve: a {@link PlantClassifier} loaded from a release folder. */
public final class ReleaseClassifier implements ServableClassifier {

  private static final Logger log = LoggerFactory.getLogger(ReleaseClassifier.class);

  private final PlantClassifier classifier;

  public ReleaseClassifier(PlantClassifier classifier) {
    this.classifier = classifier;
  }

  /** Loads {@code releaseDir} if set, else the release {@code modelsDir/CURRENT} names: the committed release. */
  public static ReleaseClassifier load(ProcessorProperties properties) throws IOException {
    Path release = properties.releaseDir() != null
        ? properties.releaseDir()
        : ReleaseFiles.current(properties.modelsDir());
    return load(release, properties.inference());
  }

  /** Loads the release folder {@code release} with the configured ONNX Runtime settings. */
  public static ReleaseClassifier load(Path release, ProcessorProperties.Inference inference) throws IOException {
    PlantClassifier classifier = PlantClassifier.load(release,
        new InferenceOptions(inference.intraOpThreads(), inference.cuda(), inference.cudaDeviceId(),
            inference.allowSpinning()));
    log.info("Loaded model release {} from {} on {}", classifier.manifest().id(), release,
        classifier.executionProvider());
    return new ReleaseClassifier(classifier);
  }

  @Override
  public ClassifiedBatch diagnose(float[] pixels, int count) {
    return new ClassifiedBatch(releaseId(), classifier.diagnose(pixels, count));
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
