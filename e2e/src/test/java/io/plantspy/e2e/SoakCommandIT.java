package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.infra.launcher.Services;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./plantspy soak} for 20 seconds at 5 uploads/s against the platform {@code up --detach} started: every
 * service's JVM is read at every sample, and the CSV, plot and summary are written.
 */
@Order(2)
@ExtendWith(ScriptedPlatformExtension.class)
class SoakCommandIT {

  private static final int RATE = 5;
  private static final int SECONDS = 20;
  private static final int SAMPLE_SECONDS = 5;

  @TempDir
  static Path dir;

  private static PlantspyScript.Result soak;
  private static Path out;

  @BeforeAll
  static void soak(ScriptedPlatform platform) throws Exception {
    Path dataset = Files.createDirectories(dir.resolve("dataset"));
    for (String label : List.of("Tomato___healthy", "Apple___Black_rot", "Corn_(maize)___Common_rust_")) {
      Files.write(dataset.resolve(label + ".jpg"), LeafPhotos.knownLeaf(label));
    }
    out = dir.resolve("soak");
    soak = platform.run("soak", "--duration", SECONDS + "s", "--sample", SAMPLE_SECONDS + "s", "--warmup", "0s",
        "--rate", String.valueOf(RATE), "--dataset", dataset.toString(), "--out", out.toString());
  }

  @Test
  void sendsEveryScheduledUploadAndAllAreAnswered() throws Exception {
    assertThat(soak.exitCode()).as(soak.toString()).isZero();
    Matcher totals = Pattern.compile("Sent (\\d+), answered 200: (\\d+), failed: 0, skipped at the in-flight "
        + "ceiling: (\\d+)\\.").matcher(Files.readString(out.resolve("summary.md")));
    assertThat(totals.find()).as(soak.toString()).isTrue();
    long sent = Long.parseLong(totals.group(1));
    assertThat(sent + Long.parseLong(totals.group(3))).isEqualTo(RATE * SECONDS);
    assertThat(Long.parseLong(totals.group(2))).isEqualTo(sent);
  }

  @Test
  void readsEveryServicesHeapAndTheMongoFileAtEverySample() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("samples.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    List<List<String>> rows = lines.subList(1, lines.size()).stream().map(l -> List.of(l.split(",", -1))).toList();

    assertThat(rows).hasSize(SECONDS / SAMPLE_SECONDS);
    for (String service : Services.ALL.stream().map(s -> s.name().replace('-', '_')).toList()) {
      for (String figure : List.of("_heap_used_mb", "_old_gen_used_mb", "_rss_mb", "_cpu_cores")) {
        int column = header.indexOf(service + figure);
        assertThat(column).as(service + figure + " in " + header).isNotNegative();
        assertThat(rows).allSatisfy(row -> assertThat(row.get(column)).as(service + figure).isNotBlank());
      }
    }
    int mongo = header.indexOf("mongo_file_mb");
    assertThat(rows).allSatisfy(row -> assertThat(Double.parseDouble(row.get(mongo))).isPositive());
    int p50 = header.indexOf("p50_ms");
    int answered = header.indexOf("succeeded");
    // A window in which nothing was answered (the sampler falls behind on a loaded machine, and the last window
    // may start after the load ended) has no latency: an empty cell, not 0.
    assertThat(rows).allSatisfy(row -> {
      if (Long.parseLong(row.get(answered)) > 0) {
        assertThat(Double.parseDouble(row.get(p50))).isPositive();
      } else {
        assertThat(row.get(p50)).isEmpty();
      }
    });
    assertThat(rows).anySatisfy(row -> assertThat(Long.parseLong(row.get(answered))).isPositive());
  }

  @Test
  void writesThePlotAndASummaryWithASlopeForEachSeries() throws Exception {
    BufferedImage png = ImageIO.read(out.resolve("soak.png").toFile());
    String summary = Files.readString(out.resolve("summary.md"));

    assertThat(png.getWidth()).isPositive();
    assertThat(summary).contains("slope per 10 min");
    assertThat(summary).containsPattern("\\| ingest-api old gen \\| MiB \\| [0-9.]+ \\| [0-9.]+ \\| [+-][0-9.]+ \\|");
    assertThat(soak.out()).contains(summary.lines().findFirst().orElseThrow());
  }
}
