package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.plantspy.model.runtime.Sha256;
import io.plantspy.testsupport.DatasetAssumption;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's bulk-job walk-through on the platform {@code ./plantspy up} started: a folder of dataset photos, one
 * sub-folder per class, submitted with {@code jobs submit --wait}, and its results as CSV: one line per photo,
 * matched by its path, with the right class for most. Needs the stream processor to consume the bulk topic.
 */
@Order(1)
@ExtendWith(ScriptedPlatformExtension.class)
class JobScenarioIT {

  private static final List<String> CLASSES = List.of("Tomato___healthy", "Apple___Black_rot", "Potato___Early_blight",
      "Grape___healthy");
  private static final int PER_CLASS = 3;

  @TempDir
  Path dir;

  @Test
  void aFolderOfPhotosSubmittedAsAJobGivesOneResultLinePerPhotoWithTheRightClassForMost(ScriptedPlatform platform)
      throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    Map<String, String> expected = new LinkedHashMap<>();
    for (String label : CLASSES) {
      Path folder = Files.createDirectories(photos.resolve(label));
      List<Path> sources = testPhotos(label);
      for (Path source : sources) {
        Files.copy(source, folder.resolve(source.getFileName()));
        expected.put(label + "/" + source.getFileName(), label);
      }
    }

    PlantspyScript.Result submit = platform.run("jobs", "submit", photos.toString(), "--wait");

    assertThat(submit.exitCode()).as(submit.toString()).isZero();
    String id = submit.out().lines().findFirst().orElseThrow().trim();
    assertThat(submit.err()).contains("completed").contains(expected.size() + " items");
    PlantspyScript.Result results = platform.run("jobs", "results", id, "--csv");
    assertThat(results.exitCode()).as(results.toString()).isZero();
    // Dataset file names have no commas or quotes, so the CSV splits plainly.
    List<String> lines = results.out().lines().toList();
    List<String> header = List.of(lines.get(0).split(",", -1));
    List<Map<String, String>> rows = lines.subList(1, lines.size()).stream().map(line -> {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), cells[i]);
      }
      return row;
    }).toList();
    assertThat(rows).extracting(r -> r.get("customId")).containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("completed"));
    long right = rows.stream().filter(r -> expected.get(r.get("customId")).equals(r.get("predictedClass"))).count();
    assertThat(right).as(results.out()).isGreaterThanOrEqualTo(expected.size() * 3 / 4);
    PlantspyScript.Result list = platform.run("jobs", "list");
    assertThat(list.out()).contains(id).contains("completed");
  }

  /** Test-split photos of {@code label} that the committed release got right; skipped without the dataset. */
  private static List<Path> testPhotos(String label) throws Exception {
    Path dataset = Path.of(System.getProperty("plantspy.dataset.dir", "../../shared/datasets/plantvillage"));
    DatasetAssumption.folder(dataset, "test-split photos of " + label);
    Path models = Path.of(System.getProperty("plantspy.models.dir", "../models"));
    Path release = models.resolve("releases").resolve(Files.readString(models.resolve("CURRENT")).trim());
    List<String> right = Files.readAllLines(release.resolve("evaluation/test-predictions.csv")).stream()
        .filter(row -> row.contains("," + label + "," + label + ",")).map(row -> row.split(",")[0]).toList();
    try (var files = Files.walk(dataset.resolve(label))) {
      return files.filter(Files::isRegularFile)
          .filter(file -> right.contains(sha256(file)))
          .limit(PER_CLASS).toList();
    }
  }

  private static String sha256(Path file) {
    try {
      return Sha256.hex(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
