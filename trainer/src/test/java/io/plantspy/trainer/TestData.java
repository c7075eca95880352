package io.plantspy.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the integration tests find the shared PlantVillage photos and the committed models. The build passes
 * the paths as system properties; on a machine without {@code ../shared} the dataset tests are skipped.
 */
public final class TestData {

  private TestData() {}

  public static Path dataset() {
    return existing("plantspy.dataset.dir", "../../shared/datasets/plantvillage");
  }

  public static Path background() {
    return existing("plantspy.background.dir", "../../shared/datasets/plantvillage-background");
  }

  public static Path models() {
    return Path.of(System.getProperty("plantspy.models.dir", "../models"));
  }

  private static Path existing(String property, String fallback) {
    Path path = Path.of(System.getProperty(property, fallback));
    Assumptions.assumeTrue(Files.isDirectory(path), "dataset not present at " + path);
    return path;
  }
}
