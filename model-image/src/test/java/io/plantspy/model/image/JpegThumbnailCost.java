package io.plantspy.model.image;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures what a History thumbnail costs where it is made, in the stream processor: the photo is decoded there for
 * the model anyway, so the thumbnail costs its scaling and JPEG encoding; decoding is timed beside it (what making
 * it elsewhere would add). Mean over N dataset photos after N for warm-up. Run by hand; the figures belong in
 * BENCHMARKS.md:
 *
 * <pre>./mvnw -pl model-image test-compile exec:java -Dexec.classpathScope=test
 *     -Dexec.mainClass=io.plantspy.model.image.JpegThumbnailCost -Dexec.args="../shared/datasets/plantvillage 500"</pre>
 */
public final class JpegThumbnailCost {

  private JpegThumbnailCost() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    List<Path> photos;
    try (Stream<Path> s = Files.walk(root)) {
      photos = s.filter(p -> p.toString().toLowerCase().endsWith(".jpg")).limit(n * 2L).toList();
    }
    LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
    List<byte[]> images = new ArrayList<>();
    for (Path photo : photos) {
      images.add(Files.readAllBytes(photo));
    }
    for (int i = 0; i < n; i++) {
      JpegThumbnail.of(preprocessor.decode(images.get(i)), 160, 0.75f); // warm-up: JIT and ImageIO's plugins
    }
    long decodeNanos = 0;
    long thumbnailNanos = 0;
    long bytes = 0;
    for (int i = n; i < 2 * n; i++) {
      long start = System.nanoTime();
      BufferedImage decoded = preprocessor.decode(images.get(i));
      long decodedAt = System.nanoTime();
      bytes += JpegThumbnail.of(decoded, 160, 0.75f).length;
      thumbnailNanos += System.nanoTime() - decodedAt;
      decodeNanos += decodedAt - start;
    }
    System.out.printf("%d photos: decode %.2f ms, thumbnail from the decoded photo %.2f ms, %d bytes (means)%n", n,
        decodeNanos / 1e6 / n, thumbnailNanos / 1e6 / n, bytes / n);
  }
}
