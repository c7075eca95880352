/**
 * Frames in: each MQTT frame is decoded (raw JPEG/PNG or a JSON envelope), sampled per device (one per interval,
 * duplicates by frame id dropped, bounded queues with drop-oldest), vetted like an upload and published as a FEED
 * {@code DiagnosisRequest}, big images by claim check; every published frame is recorded in {@code feed_frames}.
 * Depends on {@code mqtt}, {@code device}, {@code schemas} and {@code model-image}.
 */
package io.plantspy.feeds.gateway.frame;
