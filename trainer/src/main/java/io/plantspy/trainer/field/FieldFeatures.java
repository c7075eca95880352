package io.plantspy.trainer.field;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.InvalidImageException;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.runtime.Backbone;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.embed.Embedder;
import io.plantspy.trainer.embed.EmbeddingCache;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backbone features of photos under one field condition and severity, generated with the suite and the serving
 * preprocessing, through the on-disk {@link EmbeddingCache} (one file per suite, condition, severity and scene
 * set, so a second release on the same backbone reuses them).
 */
public final class FieldFeatures {

  private static final Logger log = LoggerFactory.getLogger(FieldFeatures.class);
  private static final int BATCH = 16;

  private final Backbone backbone;
  private final Path cacheDir;
  private final LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());

  public FieldFeatures(Backbone backbone, Path cacheDir) {
    this.backbone = backbone;
    this.cacheDir = cacheDir;
  }

  /**
   * Features keyed by content sha256.
   *
   * @param scenes the scene of each photo's class (its backgrounds and same-class leaves)
   * @param sceneKey names the backgrounds and leaves the scenes hold (e.g. the split seed), for the cache file
   */
  public Map<String, float[]> embed(List<LabelledImage> images, FieldSuite suite, FieldCondition condition,
      int severity, Function<String, FieldScene> scenes, String sceneKey) throws IOException {
    return embed(images, suite, condition, severity, scenes, sceneKey, Augmentation.NONE);
  }

  /**
   * Features of the variants seen through {@code lens} (a mirror image, say): a test-time view of each variant,
   * cached apart from the variant itself.
   */
  public Map<String, float[]> embed(List<LabelledImage> images, FieldSuite suite, FieldCondition condition,
      int severity, Function<String, FieldScene> scenes, String sceneKey, Augmentation lens) throws IOException {
    String view = FieldSuite.VERSION + "-" + sceneKey + "-seed" + suite.seed() + "-" + FieldReport.name(condition)
        + "-s" + severity + (lens == Augmentation.NONE ? "" : "-" + lens.name().toLowerCase(java.util.Locale.ROOT));
    Map<String, float[]> result = new HashMap<>();
    try (EmbeddingCache cache = EmbeddingCache.open(cacheDir, backbone.sha256(), Embedder.PREPROCESSING_VERSION,
        view, backbone.featureDim())) {
      List<LabelledImage> missing = new ArrayList<>();
      for (LabelledImage image : images) {
        float[] cached = cache.get(image.sha256());
        if (cached != null) {
          result.put(image.sha256(), cached);
        } else if (missing.stream().noneMatch(m -> m.sha256().equals(image.sha256()))) {
          missing.add(image);
        }
      }
      if (!missing.isEmpty()) {
        log.info("field suite: embedding {} photos under {} severity {}", missing.size(), condition, severity);
      }
      for (int from = 0; from < missing.size(); from += BATCH) {
        List<LabelledImage> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
        float[][] tensors = new float[batch.size()][];
        IntStream.range(0, batch.size()).parallel().forEach(i -> tensors[i] =
            tensor(batch.get(i), suite, condition, severity, scenes.apply(batch.get(i).label()), lens));
        int perImage = Backbone.valuesPerImage();
        float[] pixels = new float[batch.size() * perImage];
        for (int i = 0; i < batch.size(); i++) {
          System.arraycopy(tensors[i], 0, pixels, i * perImage, perImage);
        }
        float[][] features = backbone.features(pixels, batch.size());
        for (int i = 0; i < batch.size(); i++) {
          cache.put(batch.get(i).sha256(), features[i]);
          result.put(batch.get(i).sha256(), features[i]);
        }
      }
    }
    return result;
  }

  private float[] tensor(LabelledImage image, FieldSuite suite, FieldCondition condition, int severity,
      FieldScene scene, Augmentation lens) {
    return preprocessor.toTensor(lens.apply(suite.variant(image.sha256(), decode(image), condition, severity,
        scene)));
  }

  /** A dataset photo decoded as serving decodes an upload. */
  public BufferedImage decode(LabelledImage image) {
    return decode(preprocessor, image);
  }

  static BufferedImage decode(LeafImagePreprocessor preprocessor, LabelledImage image) {
    try {
      return preprocessor.decode(Files.readAllBytes(image.path()));
    } catch (InvalidImageException e) {
      throw new IllegalArgumentException("cannot decode " + image.path() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
