package io.plantspy.feeds.gateway.frame;

import io.plantspy.model.image.ImageLimits;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Image caps for frames: the model's {@link ImageLimits#defaults()}, which uploads and the processor apply too.
 *
 * @param inlineMaxSize frames up to this size ride inside the Kafka record; larger ones go by claim check, as uploads
 */
@Validated
@ConfigurationProperties("plantspy.feeds.images")
public record FrameImageProperties(@DefaultValue("256KB") @NotNull DataSize inlineMaxSize) {

  public ImageLimits limits() {
    return ImageLimits.defaults();
  }
}
