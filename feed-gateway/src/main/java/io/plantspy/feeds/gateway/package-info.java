/**
 * The feed gateway service (port 8085): camera devices are registered through {@code device}; their MQTT frames are
 * sampled and sent as FEED diagnosis requests by {@code frame}; {@code result} answers the devices, {@code alert}
 * raises disease alerts and {@code map} serves the GeoJSON field map. Support: {@code mqtt}, {@code security},
 * {@code problem}, {@code config}.
 */
package io.plantspy.feeds.gateway;
