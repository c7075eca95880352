package io.plantspy.webhooks.endpoint;

import io.plantspy.webhooks.security.Roles;
import java.util.Arrays;
import java.util.Optional;

/**
 * The event types a subscription may name, with the role it takes (none: any user, for their own results). The
 * bulk jobs' terminal states ({@code job.completed}, {@code job.failed}, {@code job.cancelled},
 * {@code job.expired}) slot in here as constants without a role, fed by a consumer of the jobs' topic in
 * {@code event}; nothing else changes.
 */
public enum EventType {
  DIAGNOSIS_COMPLETED("diagnosis.completed", null),
  DIAGNOSIS_FAILED("diagnosis.failed", null),
  /** Raised by the feed gateway: a camera's frames show a disease (once per device, class and hour). */
  ALERT_DISEASE_DETECTED("alert.disease_detected", null),
  JOB_COMPLETED("job.completed", null),
  JOB_FAILED("job.failed", null),
  JOB_CANCELLED("job.cancelled", null),
  JOB_EXPIRED("job.expired", null),
  MODEL_PROMOTED("model.promoted", Roles.ADMIN);

  private final String wireName;
  private final String requiredRole;

  EventType(String wireName, String requiredRole) {
    this.wireName = wireName;
    this.requiredRole = requiredRole;
  }

  /** As in the API, the payload's {@code type} and the stored subscription: {@code diagnosis.completed}. */
  public String wireName() {
    return wireName;
  }

  /** The role a subscriber needs, or empty when any authenticated user may subscribe. */
  public Optional<String> requiredRole() {
    return Optional.ofNullable(requiredRole);
  }

  public static Optional<EventType> fromWire(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
