package io.plantspy.trainer.embed;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.InvalidImageException;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.runtime.Backbone;
import io.plantspy.trainer.data.LabelledImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes backbone features for dataset images with the serving preprocessing, in batches, through the
 * on-disk {@link EmbeddingCache}. An image that does not decode is reported and skipped, not fatal.
 */
public final class Embedder {

  /** Bump when the shared preprocessing changes, so cached features are recomputed. */
  public static final String PREPROCESSING_VERSION = "pp1";

  private static final Logger log = LoggerFactory.getLogger(Embedder.class);
  private static final int BATCH = 16;

  private final Backbone backbone;
  private final LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
  private final Path cacheDir;

  public Embedder(Backbone backbone, Path cacheDir) {
    this.backbone = backbone;
    this.cacheDir = cacheDir;
  }

  /** Features of each image under one augmentation, keyed by content sha256. */
  public Map<String, float[]> embed(List<LabelledImage> images, Augmentation augmentation) throws IOException {
    Map<String, float[]> result = new HashMap<>();
    try (EmbeddingCache cache = EmbeddingCache.open(cacheDir, backbone.sha256(), PREPROCESSING_VERSION,
        augmentation, backbone.featureDim())) {
      List<LabelledImage> missing = new ArrayList<>();
      for (LabelledImage image : images) {
        float[] cached = cache.get(image.sha256());
        if (cached != null) {
          result.put(image.sha256(), cached);
        } else if (!result.containsKey(image.sha256())) {
          missing.add(image);
        }
      }
      if (!missing.isEmpty()) {
        log.info("embedding {} images ({} cached), augmentation {}", missing.size(), images.size() - missing.size(),
            augmentation);
      }
      long started = System.nanoTime();
      for (int from = 0; from < missing.size(); from += BATCH) {
        List<LabelledImage> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
        embedBatch(batch, augmentation, cache, result);
        if ((from / BATCH) % 50 == 49) {
          log.info("  {} / {} images, {} ms per image", from + batch.size(), missing.size(),
              (System.nanoTime() - started) / 1_000_000 / (from + batch.size()));
        }
      }
    }
    return result;
  }

  private void embedBatch(List<LabelledImage> batch, Augmentation augmentation, EmbeddingCache cache,
      Map<String, float[]> result) throws IOException {
    int perImage = Backbone.valuesPerImage();
    float[][] tensors = new float[batch.size()][];
    IntStream.range(0, batch.size()).parallel().forEach(i -> tensors[i] = preprocess(batch.get(i), augmentation));
    List<LabelledImage> decoded = new ArrayList<>();
    float[] pixels = new float[batch.size() * perImage];
    for (int i = 0; i < batch.size(); i++) {
      if (tensors[i] != null) {
        System.arraycopy(tensors[i], 0, pixels, decoded.size() * perImage, perImage);
        decoded.add(batch.get(i));
      }
    }
    if (decoded.isEmpty()) {
      return;
    }
    float[][] features = backbone.features(pixels, decoded.size());
    for (int i = 0; i < decoded.size(); i++) {
      cache.put(decoded.get(i).sha256(), features[i]);
      result.put(decoded.get(i).sha256(), features[i]);
    }
  }

  private float[] preprocess(LabelledImage image, Augmentation augmentation) {
    try {
      byte[] bytes = Files.readAllBytes(image.path());
      return preprocessor.toTensor(augmentation.apply(preprocessor.decode(bytes)));
    } catch (InvalidImageException e) {
      log.warn("skipping {}: {}", image.path(), e.getMessage());
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
