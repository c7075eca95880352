package io.plantspy.ingest.history;

import io.plantspy.ingest.image.ImageProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;

/**
 * Measures what a History thumbnail costs: the mean time and size over N dataset photos after N for warm-up. Run by
 * hand (see docs/architecture.md, "History and thumbnails"); the figures belong in BENCHMARKS.md.
 */
public final class ThumbnailCost {

  private ThumbnailCost() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    List<Path> photos;
    try (Stream<Path> s = Files.walk(root)) {
      photos = s.filter(p -> p.toString().toLowerCase().endsWith(".jpg")).limit(n * 2L).toList();
    }
    Thumbnailer thumbnailer = new Thumbnailer(new ImageProperties(null, null, null, null, DataSize.ofKilobytes(256)),
        new ThumbnailProperties(true, 160, 0.75f));
    List<byte[]> images = new ArrayList<>();
    for (Path photo : photos) {
      images.add(Files.readAllBytes(photo));
    }
    for (int i = 0; i < n; i++) {
      thumbnailer.thumbnail(images.get(i)); // warm-up: JIT and ImageIO's plugin registry
    }
    long bytes = 0;
    long start = System.nanoTime();
    for (int i = n; i < 2 * n; i++) {
      bytes += thumbnailer.thumbnail(images.get(i)).length;
    }
    double millis = (System.nanoTime() - start) / 1e6 / n;
    System.out.printf("%d photos: %.2f ms and %d bytes per thumbnail (mean)%n", n, millis, bytes / n);
  }
}
