package io.plantspy.trainer.field;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Where it fails": one wrongly answered suite photo per condition as a small JPEG thumbnail (regenerated from the
 * seeded suite), and the confusion pairs that remain most often across the suite, as Markdown.
 */
public final class FieldFailures {

  private static final int THUMBNAIL_WIDTH = 160;
  private static final int PAIRS = 10;

  private FieldFailures() {}

  /**
   * Writes the thumbnails into {@code dir} and returns the Markdown (image links relative to {@code linkPrefix}).
   *
   * @param variant regenerates a miss's suite photo
   */
  public static String write(List<FieldMiss> misses, Path dir, String linkPrefix,
      Function<FieldMiss, BufferedImage> variant) throws IOException {
    Files.createDirectories(dir);
    StringBuilder md = new StringBuilder();
    md.append("Photos of the suite answered with a wrong class (one per condition, the mildest severity that "
        + "has one):\n\n| condition | photo | true class | answered |\n|---|---|---|---|\n");
    Map<FieldCondition, FieldMiss> examples = new LinkedHashMap<>();
    misses.stream().sorted(Comparator.comparing(FieldMiss::condition).thenComparing(FieldMiss::severity))
        .forEach(miss -> examples.putIfAbsent(miss.condition(), miss));
    for (FieldMiss miss : examples.values()) {
      String name = FieldReport.name(miss.condition()) + "-s" + miss.severity() + ".jpg";
      BufferedImage image = variant.apply(miss);
      Files.write(dir.resolve(name), ImageOps.jpeg(thumbnail(image), 0.8f));
      md.append(String.format(Locale.ROOT, "| %s (severity %d) | ![%s](%s%s) | %s | %s |%n",
          FieldReport.name(miss.condition()), miss.severity(), name, linkPrefix, name, miss.image().label(),
          miss.answered()));
    }
    Map<String, Long> pairs = misses.stream().collect(Collectors.groupingBy(
        miss -> miss.image().label() + " | " + miss.answered(), Collectors.counting()));
    md.append("\nConfusions that remain most often over the whole suite (wrong answers, all conditions and "
        + "severities):\n\n| true class | answered | photos |\n|---|---|---|\n");
    pairs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey())).limit(PAIRS)
        .forEach(pair -> md.append("| ").append(pair.getKey()).append(" | ").append(pair.getValue()).append(" |\n"));
    return md.toString();
  }

  private static BufferedImage thumbnail(BufferedImage image) {
    int height = Math.round((float) THUMBNAIL_WIDTH * image.getHeight() / image.getWidth());
    BufferedImage out = ImageOps.canvas(THUMBNAIL_WIDTH, height);
    var g = ImageOps.smooth(out);
    try {
      g.drawImage(image, 0, 0, THUMBNAIL_WIDTH, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
