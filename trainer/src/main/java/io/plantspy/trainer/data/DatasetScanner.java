package io.plantspy.trainer.data;

import io.plantspy.model.runtime.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists a dataset folder laid out as one sub-folder per class ({@code Crop___Disease/ *.jpg}), in a stable
 * order (class, then file name) so that splits and training are reproducible.
 */
public final class DatasetScanner {

  private static final Set<String> IMAGE_SUFFIXES = Set.of(".jpg", ".jpeg", ".png", ".webp");

  private DatasetScanner() {}

  public static List<LabelledImage> scan(Path datasetDir) throws IOException {
    if (!Files.isDirectory(datasetDir)) {
      throw new IOException("dataset folder " + datasetDir + " does not exist");
    }
    List<LabelledImage> images = new ArrayList<>();
    try (Stream<Path> classes = Files.list(datasetDir)) {
      for (Path classDir : classes.filter(Files::isDirectory).sorted().toList()) {
        String label = classDir.getFileName().toString();
        try (Stream<Path> files = Files.list(classDir)) {
          for (Path file : files.filter(DatasetScanner::isImage).sorted().toList()) {
            images.add(new LabelledImage(file, label, Sha256.hex(file)));
          }
        }
      }
    }
    if (images.isEmpty()) {
      throw new IOException("no images found under " + datasetDir + " (expected one folder per class)");
    }
    return images;
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file) && IMAGE_SUFFIXES.stream().anyMatch(name::endsWith);
  }
}
