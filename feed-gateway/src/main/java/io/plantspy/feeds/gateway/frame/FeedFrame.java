package io.plantspy.feeds.gateway.frame;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A frame sent to diagnosis, in {@code feed_frames} keyed by the diagnosis id: what the results consumer needs to
 * answer the device, and what the device's diagnoses and the field map are read from.
 */
@Document(FeedFrame.COLLECTION)
public record FeedFrame(@Id String id, String device, String farm, String owner, String frameId,
    Instant capturedAt, Instant receivedAt, Double lat, Double lon, Double alt, Double heading, String contentType,
    long sizeBytes, FrameDiagnosis diagnosis, Instant diagnosedAt) {

  public static final String COLLECTION = "feed_frames";
}
