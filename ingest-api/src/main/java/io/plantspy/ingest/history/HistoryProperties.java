package io.plantspy.ingest.history;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the history endpoints.
 *
 * @param maxPageSize largest page of diagnoses one request may ask for
 * @param maxStatsDays longest window, in days, the statistics may cover
 * @param processorGroup the stream processor's consumer group (its Kafka Streams application id); the platform
 *     statistics report its lag on the request topics, and that of the group with {@code -bulk} appended on the
 *     bulk topic
 */
@Validated
@ConfigurationProperties("plantspy.history")
public record HistoryProperties(
    @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
    @DefaultValue("366") @Min(1) @Max(3660) int maxStatsDays,
    @DefaultValue("plantspy-stream-processor") @NotBlank String processorGroup) {}
