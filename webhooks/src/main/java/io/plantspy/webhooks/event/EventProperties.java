package io.plantspy.webhooks.event;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where events come from and what their payloads link to.
 *
 * @param resultsGroup consumer group reading diagnosis results (its own: the API's group stores them)
 * @param releasesGroup consumer group reading model releases
 * @param alertsGroup consumer group reading the feed gateway's alerts
 * @param jobsGroup consumer group reading bulk jobs' terminal statuses
 * @param apiBaseUrl the ingest API's public URL, for the {@code links} in payloads (GET the diagnosis)
 */
@Validated
@ConfigurationProperties("plantspy.webhooks.events")
public record EventProperties(
    @DefaultValue("plantspy-webhooks") @NotBlank String resultsGroup,
    @DefaultValue("plantspy-webhooks-releases") @NotBlank String releasesGroup,
    @DefaultValue("plantspy-webhooks-alerts") @NotBlank String alertsGroup,
    @DefaultValue("plantspy-webhooks-jobs") @NotBlank String jobsGroup,
    @DefaultValue("http://localhost:8080") URI apiBaseUrl) {}
