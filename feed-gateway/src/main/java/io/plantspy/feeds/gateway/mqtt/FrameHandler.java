package io.plantspy.feeds.gateway.mqtt;

/** Takes a frame as it arrived on a device's frame topic; must return quickly (it runs on the MQTT client's thread). */
@FunctionalInterface
public interface FrameHandler {

  void onFrame(String topic, byte[] payload);
}
