package io.plantspy.feeds.gateway.device;

/**
 * The answer to a registration: the device and its MQTT credentials, the password shown this once.
 *
 * @param mqttUsername also the client id the device must connect with
 */
public record RegisteredDevice(DeviceView device, String mqttUsername, String mqttPassword) {}
