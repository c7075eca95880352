package io.plantspy.ingest.history;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The thumbnail kept with each interactive diagnosis (upload or URL) for the web app's History page.
 *
 * @param enabled whether thumbnails are made at all
 * @param maxSide longest side of the thumbnail in pixels
 * @param quality JPEG quality, 0 to 1
 */
@Validated
@ConfigurationProperties("plantspy.thumbnails")
public record ThumbnailProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("160") @Min(16) @Max(512) int maxSide,
    @DefaultValue("0.75") @DecimalMin("0.1") @DecimalMax("1.0") float quality) {}
