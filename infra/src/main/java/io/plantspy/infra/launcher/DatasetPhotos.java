package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The leaf photos {@code bench} and {@code soak} send: JPEG files under a dataset folder, in a stable order. */
final class DatasetPhotos {

  private DatasetPhotos() {}

  /** {@code --dataset} if given, else the shared dataset beside the checkout. */
  static Path folder(Path dataset) {
    return dataset != null ? dataset
        : Path.of(System.getProperty("plantspy.home", ".")).resolve("../shared/datasets/plantvillage");
  }

  /** At most {@code limit} photos (at least one), read into memory so sending them costs no disk reads. */
  static List<byte[]> load(Path dir, int limit) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no photos at " + dir + ": pass --dataset DIR");
    }
    List<byte[]> photos = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted()
          .limit(Math.max(limit, 1)).toList()) {
        photos.add(Files.readAllBytes(file));
      }
    }
    if (photos.isEmpty()) {
      throw new IOException("no .jpg photos under " + dir);
    }
    return photos;
  }
}
