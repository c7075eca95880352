package io.plantspy.feeds.gateway.frame;

import java.time.Instant;

/**
 * One camera frame as decoded from MQTT: where it came from (its topic), the image, and what the envelope said.
 *
 * @param frameId the device's id of the frame, for dropping repeats; null for raw frames
 * @param capturedAt when the device took it, if it said
 * @param receivedAt when the gateway took it off MQTT
 */
public record Frame(String farm, String device, byte[] image, String frameId, Instant capturedAt, Double lat,
    Double lon, Double alt, Double heading, Instant receivedAt) {}
