/**
 * The gateway's one MQTT connection (Paho, MQTT 3.1.1) to the broker with the service's credentials: a shared QoS 1
 * subscription to every device's frames, handed to a {@link io.plantspy.feeds.gateway.mqtt.FrameHandler}, and QoS 1
 * publishes to devices. Depends on {@code feed-devices} only.
 */
package io.plantspy.feeds.gateway.mqtt;
