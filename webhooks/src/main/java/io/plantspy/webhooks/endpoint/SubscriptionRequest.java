package io.plantspy.webhooks.endpoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/v1/webhooks}. */
public record SubscriptionRequest(
    @NotBlank @Size(max = 2048) String url,
    @NotEmpty @Size(max = 16) List<@NotBlank String> events,
    @Size(max = 500) String description) {}
