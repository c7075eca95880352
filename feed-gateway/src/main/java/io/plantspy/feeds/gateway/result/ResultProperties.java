package io.plantspy.feeds.gateway.result;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param resultsGroup this service's consumer group on the results topic (all instances share it) */
@Validated
@ConfigurationProperties("plantspy.feeds.results")
public record ResultProperties(@DefaultValue("plantspy-feed-gateway") @NotBlank String resultsGroup) {}
