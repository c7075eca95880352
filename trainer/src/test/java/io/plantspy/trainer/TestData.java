package io.plantspy.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import io.plantspy.testsupport.DatasetAssumption;

/**
 * Where the integration tests find the shared PlantVillage photos and the committed models. The build passes
 * the paths as system properties; on a machine without {@code ../shared} the dataset tests are skipped
 * ({@link DatasetAssumption}).
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
    DatasetAssumption.folder(path, "the PlantVillage photos");
    return path;
  }
}
