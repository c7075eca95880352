package io.plantspy.trainer.loop;

/**
 * One class's recall on the common evaluation images for both models; {@code championRecall} is NaN for a class
 * the champion does not know.
 *
 * @param championOnly this class's images only the champion answered right (McNemar's b, for this class alone)
 * @param challengerOnly this class's images only the challenger answered right (c)
 */
public record ClassComparison(String label, int images, double championRecall, double challengerRecall,
    int championOnly, int challengerOnly) {

  public ClassComparison {
    if (championOnly < 0 || challengerOnly < 0 || championOnly + challengerOnly > images) {
      throw new IllegalArgumentException("discordant counts must be >= 0 and at most the class's images");
    }
  }
}
