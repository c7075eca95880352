package io.plantspy.webhooks.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One try to deliver.
 *
 * @param statusCode the receiver's answer, or null when none came
 * @param error why none came (refused address, connection refused, timed out)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attempt(Instant at, Integer statusCode, long latencyMillis, String error) {}
