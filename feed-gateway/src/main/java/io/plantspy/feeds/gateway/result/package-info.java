/**
 * Results of feed frames: a consumer group of this service reads the feed results topic (only the results of
 * requests with source FEED), stores each frame's answer in {@code feed_frames}, sends it to the device's diagnosis
 * topic and hands it to {@code alert}; {@code /api/v1/devices/{id}/diagnoses} lists them. Depends on {@code frame},
 * {@code device}, {@code mqtt}, {@code alert} and {@code schemas}.
 */
package io.plantspy.feeds.gateway.result;
