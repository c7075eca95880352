/**
 * The contract between the MQTT broker and the feed gateway about camera devices: topic names, the device
 * document's fields and password hashing. Plain Java; depends on nothing.
 */
package io.plantspy.feeds.devices;
