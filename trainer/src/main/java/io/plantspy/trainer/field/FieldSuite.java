package io.plantspy.trainer.field;

import io.plantspy.model.runtime.Sha256;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The seeded field-conditions suite: which conditions and severities it has, and the one variant of each photo
 * under each of them. A variant's randomness is keyed on the suite's seed, the photo's content sha256, the
 * condition and the severity, so it does not depend on the order photos are generated in or on which other photos
 * are in the suite.
 */
public record FieldSuite(long seed, List<FieldCondition> conditions, List<Integer> severities) {

  /** Bump when a condition changes what it draws, so cached features of the old suite are not reused. */
  public static final String VERSION = "field1";

  /** The suite's seed when none is given (`evaluate --field-seed`). */
  public static final long DEFAULT_SEED = 20261128L;

  /** Test photos per class when none is given (`evaluate --field-per-class`). */
  public static final int DEFAULT_PHOTOS_PER_CLASS = 20;

  /**
   * The suite the benchmarks and the promotion rule measure: every condition at the middle severity, the default
   * seed. Its features are cached, so a second release costs only its head.
   */
  public static FieldSuite headline() {
    return new FieldSuite(DEFAULT_SEED, List.of(FieldCondition.values()), List.of(2));
  }

  public FieldSuite {
    conditions = List.copyOf(conditions);
    severities = List.copyOf(severities);
    if (conditions.isEmpty() || severities.isEmpty()) {
      throw new IllegalArgumentException("a field suite needs at least one condition and one severity");
    }
    for (int severity : severities) {
      if (severity < 1 || severity > FieldCondition.MAX_SEVERITY) {
        throw new IllegalArgumentException("severity must be 1.." + FieldCondition.MAX_SEVERITY + ", was " + severity);
      }
    }
  }

  /** Every condition at every severity. */
  public static FieldSuite full(long seed) {
    return new FieldSuite(seed, List.of(FieldCondition.values()), List.of(1, 2, 3));
  }

  /** The photo (content sha256 {@code sha256}) under {@code condition} at {@code severity}. */
  public BufferedImage variant(String sha256, BufferedImage photo, FieldCondition condition, int severity,
      FieldScene scene) {
    return condition.apply(photo, severity, random(sha256, condition, severity), scene);
  }

  Random random(String sha256, FieldCondition condition, int severity) {
    String key = Sha256.hex((seed + ":" + sha256 + ":" + condition + ":" + severity)
        .getBytes(StandardCharsets.UTF_8));
    return new Random(Long.parseUnsignedLong(key.substring(0, 16), 16));
  }
}
