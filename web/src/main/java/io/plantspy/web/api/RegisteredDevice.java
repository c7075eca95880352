package io.plantspy.web.api;

/** A device just registered, with its MQTT credentials: the password is shown this once and never again. */
public record RegisteredDevice(Device device, String mqttUsername, String mqttPassword) {}
