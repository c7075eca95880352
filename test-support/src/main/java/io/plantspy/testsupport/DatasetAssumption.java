package io.plantspy.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where a test that needs the PlantVillage photos meets their absence: it is skipped, unless the run says it must
 * have them ({@code PLANTSPY_EXPECT_DATASET=true}, set by the GitHub workflow after fetching them), where a skip
 * would hide a missing check and the test fails instead.
 */
public final class DatasetAssumption {

  /** The environment variable that turns a skip for want of the dataset into a failure. */
  public static final String EXPECT_DATASET = "PLANTSPY_EXPECT_DATASET";

  private DatasetAssumption() {}

  /** Continues when {@code folder} exists; otherwise skips, or fails where the dataset is expected. */
  public static void folder(Path folder, String need) {
    present(Files.isDirectory(folder), need + ": no folder " + folder.toAbsolutePath() + " (-Dplantspy.dataset.dir)");
  }

  /** Continues when {@code present}; otherwise skips with {@code missing}, or fails where the dataset is expected. */
  public static void present(boolean present, String missing) {
    present(present, missing, "true".equalsIgnoreCase(System.getenv(EXPECT_DATASET)));
  }

  static void present(boolean present, String missing, boolean expected) {
    if (present) {
      return;
    }
    if (expected) {
      throw new AssertionError(missing + ", and " + EXPECT_DATASET + "=true says this run has the dataset");
    }
    Assumptions.abort(missing);
  }
}
