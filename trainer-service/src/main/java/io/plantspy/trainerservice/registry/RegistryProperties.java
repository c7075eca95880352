package io.plantspy.trainerservice.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where releases come from and go.
 *
 * @param modelsDir the checkout's {@code models/} folder: its {@code CURRENT} release becomes the first champion
 *     when the registry is empty
 * @param bucket the GridFS bucket of release archives (the one the stream processors fetch from)
 * @param cacheDir local folder of fetched releases, one per archive sha256 (the champion a run compares with)
 */
@Validated
@ConfigurationProperties("plantspy.trainer.registry")
public record RegistryProperties(
    @DefaultValue("models") @NotNull Path modelsDir,
    @DefaultValue("releases") @NotBlank String bucket,
    @DefaultValue("plantspy-trainer/releases") @NotNull Path cacheDir) {}
