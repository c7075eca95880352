package io.plantspy.webhooks.endpoint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Subscriptions.
 *
 * @param secretBytes random bytes in a new secret (Standard Webhooks: 24 to 64)
 * @param rotationOverlap how long the old secret keeps signing after a rotation, so receivers can switch
 * @param maxPerOwner subscriptions one user may hold; beyond it 409
 */
@Validated
@ConfigurationProperties("plantspy.webhooks.endpoints")
public record EndpointProperties(
    @DefaultValue("32") @Min(24) @Max(64) int secretBytes,
    @DefaultValue("24h") Duration rotationOverlap,
    @DefaultValue("50") @Min(1) int maxPerOwner) {}
