/**
 * The device registry: {@code /api/v1/devices} registers a camera for its owner (within a quota unless admin; the
 * places are counted in {@code device_quotas}), answers its MQTT credentials once, lists, shows and revokes
 * devices; the {@code devices} collection it writes is what the broker authenticates against ({@code feed-devices}
 * names the fields). Depends on {@code security} and {@code problem}.
 */
package io.plantspy.feeds.gateway.device;
