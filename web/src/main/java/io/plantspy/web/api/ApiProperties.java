package io.plantspy.web.api;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the platform's APIs are, and how long a call to them may take.
 *
 * @param ingestUrl the ingest API (diagnoses, lab samples)
 * @param trainerUrl the trainer service (training runs, releases)
 * @param feedsUrl the feed gateway (camera and drone devices)
 * @param webhooksUrl the webhooks service (subscriptions, deliveries)
 * @param timeout the longest wait for an API's answer
 * @param uploadTimeout the longest a bulk job's upload may take until the API answers (the whole zip is sent first)
 */
@Validated
@ConfigurationProperties("plantspy.web.api")
public record ApiProperties(
    @DefaultValue("http://127.0.0.1:8080") @NotNull URI ingestUrl,
    @DefaultValue("http://127.0.0.1:8083") @NotNull URI trainerUrl,
    @DefaultValue("http://127.0.0.1:8085") @NotNull URI feedsUrl,
    @DefaultValue("http://127.0.0.1:8084") @NotNull URI webhooksUrl,
    @DefaultValue("30s") @NotNull Duration timeout,
    @DefaultValue("30m") @NotNull Duration uploadTimeout) {}
