/**
 * Results of feed frames: a consumer group of this service reads the results topic, keeps the results of frames in
 * {@code feed_frames}, stores the answer there, sends it to the device's diagnosis topic and hands it to
 * {@code alert}; {@code /api/v1/devices/{id}/diagnoses} lists them. Depends on {@code frame}, {@code device},
 * {@code mqtt}, {@code alert} and {@code schemas}.
 */
package io.plantspy.feeds.gateway.result;
