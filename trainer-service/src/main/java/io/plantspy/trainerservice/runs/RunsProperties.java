package io.plantspy.trainerservice.runs;

import io.plantspy.trainer.embed.Augmentation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When runs start and what they are made of.
 *
 * @param newSamplesThreshold a run is queued once this many live lab samples are new since the last run
 * @param schedule Spring cron expression of the scheduled run (default: every day at 03:00); {@code -} disables it
 * @param baseDataset the base dataset (one folder per class); no default: without it a run fails, saying so
 * @param backgroundDir non-leaf photos (one class folder) answered as unknown, or none
 * @param workDir where each run's folder (challenger release, reports) is written
 * @param embeddingCache the embedding cache shared with the CLI; unset: the CLI's default folder
 * @param seed split and training seed, recorded with each run
 * @param heldBackShare share of lab samples per class held back for evaluation
 * @param maxLostCorrect share of correct validation answers the unknown threshold may reject
 * @param maxRecallDropPoints the promotion rule: most recall points a class the champion knew may lose
 * @param minNewClassImages the promotion rule: fewest evaluation images a class new to the challenger needs
 * @param classRegressionAlpha the promotion rule: a class's drop above {@code maxRecallDropPoints} blocks only when
 *     the one-sided exact McNemar test on the class's own images gives p below this; 1 makes every such drop block
 * @param cleanMarginPoints the promotion rule, with background photos: top-1 points a challenger may give up, not
 *     significantly, when it answers at least {@code minFieldGainPoints} more points of the field-conditions suite
 *     right
 * @param minFieldGainPoints the field-conditions gain that buys {@code cleanMarginPoints}
 * @param maxFieldDropPoints the field-conditions points any challenger may lose
 * @param followChampionRecipe train the challenger as the champion was trained (its head, hyper-parameters and field
 *     views, from its manifest) when the champion records how; otherwise, or when false, a logistic head with
 *     {@code epochs}, {@code learningRate} and {@code minibatch} and no field views
 */
@Validated
@ConfigurationProperties("plantspy.trainer.runs")
public record RunsProperties(
    @DefaultValue("50") @Min(1) int newSamplesThreshold,
    @DefaultValue("0 0 3 * * *") @NotBlank String schedule,
    Path baseDataset,
    Path backgroundDir,
    @DefaultValue("plantspy-trainer/runs") @NotNull Path workDir,
    Path embeddingCache,
    @DefaultValue("20261127") long seed,
    @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("0.9") double heldBackShare,
    @DefaultValue("10") @Min(1) int epochs,
    @DefaultValue("0.1") @DecimalMin(value = "0.0", inclusive = false) double learningRate,
    @DefaultValue("16") @Min(1) int minibatch,
    @DefaultValue({"NONE", "FLIP_HORIZONTAL", "FLIP_VERTICAL", "ROTATE_90", "ROTATE_270", "ZOOM_CENTER"})
    @NotEmpty List<Augmentation> augmentations,
    @DefaultValue("0.02") @DecimalMin("0.0") @DecimalMax("1.0") double maxLostCorrect,
    @DefaultValue("2.0") @DecimalMin("0.0") double maxRecallDropPoints,
    @DefaultValue("5") @Min(1) int minNewClassImages,
    @DefaultValue("0.05") @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0")
    double classRegressionAlpha,
    @DefaultValue("1.0") @DecimalMin("0.0") double cleanMarginPoints,
    @DefaultValue("5.0") @DecimalMin("0.0") double minFieldGainPoints,
    @DefaultValue("2.0") @DecimalMin("0.0") double maxFieldDropPoints,
    @DefaultValue("true") boolean followChampionRecipe) {}
