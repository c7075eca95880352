package io.plantspy.feeds.gateway.mqtt;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The broker the gateway reads frames from: the platform's own or any MQTT 3.1.1 broker that grants these
 * credentials the frame and diagnosis topics.
 *
 * @param url the broker, {@code tcp://host:port} (or {@code ssl://})
 * @param username the gateway's service username; its client ids start with it
 * @param password the gateway's service password
 * @param sharedGroup the shared-subscription group: gateway instances split the frames among them
 * @param maxInflight most unacknowledged QoS 1 publishes to devices
 * @param reconnectInterval wait between attempts while the first connect fails (later ones Paho retries itself)
 */
@Validated
@ConfigurationProperties("plantspy.feeds.mqtt")
public record MqttProperties(
    @DefaultValue("tcp://127.0.0.1:1883") @NotNull URI url,
    @DefaultValue("feed-gateway") @NotBlank String username,
    @NotBlank String password,
    @DefaultValue("plantspy-feed-gateway") @NotBlank String sharedGroup,
    @DefaultValue("1000") @Positive int maxInflight,
    @DefaultValue("2s") @NotNull Duration reconnectInterval) {}
