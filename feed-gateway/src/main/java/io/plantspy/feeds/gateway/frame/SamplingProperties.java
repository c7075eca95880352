package io.plantspy.feeds.gateway.frame;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How frames are sampled and how much may wait: a live feed never builds an unbounded queue.
 *
 * @param interval at most one frame per device per interval goes on to diagnosis; 0 keeps every frame
 * @param recentFrameIds how many frame ids per device are remembered to drop repeats
 * @param perDeviceQueue frames of one device waiting to be published; when full its oldest is dropped
 * @param overallQueue frames of all devices waiting; when full a new frame is dropped
 * @param workers threads publishing frames (vetting, claim check, Kafka)
 * @param idleDevice a device that sends nothing for this long (and at least an interval) has its sampling state
 *     (last kept frame, recent frame ids) forgotten, so devices that come and go do not pile up in memory
 */
@Validated
@ConfigurationProperties("plantspy.feeds.sampling")
public record SamplingProperties(
    @DefaultValue("5s") @NotNull Duration interval,
    @DefaultValue("64") @PositiveOrZero int recentFrameIds,
    @DefaultValue("2") @Positive int perDeviceQueue,
    @DefaultValue("1000") @Positive int overallQueue,
    @DefaultValue("2") @Positive int workers,
    @DefaultValue("10m") @NotNull Duration idleDevice) {}
