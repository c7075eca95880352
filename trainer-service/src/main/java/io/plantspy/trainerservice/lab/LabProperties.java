package io.plantspy.trainerservice.lab;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where lab samples come from and where their images are copied.
 *
 * @param imagesBucket the GridFS bucket the ingest API stores lab images in
 * @param imagesDir local folder of image copies, one file per sha256
 * @param pollTimeout longest one poll of the topic waits
 */
@Validated
@ConfigurationProperties("plantspy.trainer.lab")
public record LabProperties(
    @DefaultValue("lab_images") @NotBlank String imagesBucket,
    @DefaultValue("plantspy-trainer/lab-images") @NotNull Path imagesDir,
    @DefaultValue("1s") @NotNull Duration pollTimeout) {}
