package io.plantspy.feeds.broker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the broker listens and whom it lets in besides devices.
 *
 * @param port the MQTT TCP port
 * @param bindAddress the address it listens on
 * @param maxPacketSize the largest MQTT packet accepted: room for a 20 MiB image (the platform's cap) as base64 in
 *     a JSON envelope
 * @param gatewayUsername the feed gateway's username; its clients' ids must start with it
 * @param gatewayPassword the feed gateway's password (a service credential from configuration)
 * @param revocationCheck how often connected devices are checked against the registry: a deleted device is
 *     disconnected within this interval (plus one MongoDB query)
 */
@Validated
@ConfigurationProperties("plantspy.broker")
public record BrokerProperties(
    @DefaultValue("1883") @Positive int port,
    @DefaultValue("127.0.0.1") @NotBlank String bindAddress,
    @DefaultValue("32MB") @NotNull DataSize maxPacketSize,
    @DefaultValue("feed-gateway") @NotBlank String gatewayUsername,
    @NotBlank String gatewayPassword,
    @DefaultValue("1s") @NotNull Duration revocationCheck) {}
