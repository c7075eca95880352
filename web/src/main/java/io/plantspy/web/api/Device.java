package io.plantspy.web.api;

import java.time.Instant;

/** A camera or drone registered at the feed gateway, and the MQTT topics it publishes to and hears answers on. */
public record Device(String id, String owner, String farm, String name, Instant createdAt, String imageTopic,
    String diagnosisTopic) {}
