package io.plantspy.feeds.gateway.alert;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An {@code alert.disease_detected} event. Its id is {@code device|class|window start}, so a second alert of the
 * same window is refused by the collection's primary key whichever instance raises it.
 *
 * @param published whether it was written to the alerts topic (an alert stored but not yet written is written when
 *     the same window raises it again, e.g. on a redelivered result)
 */
@Document("alerts")
public record Alert(@Id String id, String type, String device, String farm, String owner, String predictedClass,
    String disease, double confidence, String diagnosisId, Instant windowStart, Instant raisedAt, Double lat,
    Double lon, boolean published) {

  public static final String TYPE = "alert.disease_detected";

  Alert asPublished() {
    return new Alert(id, type, device, farm, owner, predictedClass, disease, confidence, diagnosisId, windowStart,
        raisedAt, lat, lon, true);
  }
}
