package io.plantspy.feeds.gateway.device;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param quota how many devices a caller without the admin role may register; 0 lets only admins register
 */
@Validated
@ConfigurationProperties("plantspy.feeds.devices")
public record DeviceProperties(@DefaultValue("20") @PositiveOrZero int quota) {}
