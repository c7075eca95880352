/**
 * The Devices page: cameras and drones registered at the feed gateway (an admin's or the user's own within the
 * gateway's quota), their one-time MQTT credentials, and revocation. Depends on {@code api}.
 */
package io.plantspy.web.devices;
