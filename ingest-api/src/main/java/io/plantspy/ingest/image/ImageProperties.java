package io.plantspy.ingest.image;

import io.plantspy.model.image.ImageLimits;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Caps on accepted images and where they travel. The caps default to the model's {@link ImageLimits#defaults()},
 * which the stream processor applies too, so they are not restated here.
 *
 * @param maxSize largest accepted image (upload or URL); larger gives 413
 * @param maxWidth widest accepted image in pixels
 * @param maxHeight tallest accepted image in pixels
 * @param maxPixels most pixels accepted: the decompression-bomb guard, checked from the header
 * @param inlineMaxSize images up to this size ride inside the Kafka record; larger ones go to GridFS (claim
 *     check) so records stay well below Kafka's default 1 MB message limit
 */
@Validated
@ConfigurationProperties("plantspy.images")
public record ImageProperties(
    DataSize maxSize, @Positive Integer maxWidth, @Positive Integer maxHeight, @Positive Long maxPixels,
    @DefaultValue("256KB") DataSize inlineMaxSize) {

  public ImageProperties {
    ImageLimits defaults = ImageLimits.defaults();
    maxSize = maxSize != null ? maxSize : DataSize.ofBytes(defaults.maxBytes());
    maxWidth = maxWidth != null ? maxWidth : defaults.maxWidth();
    maxHeight = maxHeight != null ? maxHeight : defaults.maxHeight();
    maxPixels = maxPixels != null ? maxPixels : defaults.maxPixels();
    if (maxSize.toBytes() <= 0 || inlineMaxSize == null || inlineMaxSize.toBytes() < 0) {
      throw new IllegalArgumentException("plantspy.images sizes must be positive");
    }
  }

  public ImageLimits limits() {
    return new ImageLimits(maxSize.toBytes(), maxWidth, maxHeight, maxPixels);
  }
}
