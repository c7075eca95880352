package io.plantspy.feeds.gateway.device;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/devices}: the farm is a topic segment (lower-case letters, digits, dashes). */
public record RegistrationRequest(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "lower-case letters, digits and dashes") String farm,
    @NotBlank @Size(max = 200) String name) {}
