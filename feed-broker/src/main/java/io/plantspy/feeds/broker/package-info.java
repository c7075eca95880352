/**
 * The MQTT broker service: an embedded HiveMQ CE whose only extension authenticates devices against MongoDB and
 * grants each its own topics. Depends on {@code feed-devices} for the topic layout and the device fields.
 */
package io.plantspy.feeds.broker;
