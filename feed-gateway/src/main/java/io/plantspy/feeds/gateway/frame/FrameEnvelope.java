package io.plantspy.feeds.gateway.frame;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The JSON form of a frame, for devices that send metadata with the image:
 * {@code {"image": "<base64>", "frameId": "...", "capturedAt": "2026-05-01T10:00:00Z", "lat": 48.1, "lon": 11.5,
 * "alt": 35.0, "heading": 90.0}}; only {@code image} is required.
 */
public record FrameEnvelope(
    @NotBlank String image,
    @Size(max = 128) String frameId,
    Instant capturedAt,
    @DecimalMin("-90") @DecimalMax("90") Double lat,
    @DecimalMin("-180") @DecimalMax("180") Double lon,
    @DecimalMin("-1000") @DecimalMax("100000") Double alt,
    @DecimalMin("0") @DecimalMax("360") Double heading) {}
