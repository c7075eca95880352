package io.plantspy.webhooks.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
  /** Waiting for its next attempt (or being attempted, under a lease). */
  PENDING,
  /** A 2xx was received. */
  DELIVERED,
  /** Every attempt of the schedule failed. */
  FAILED,
  /** Its endpoint was disabled or deleted before it was delivered. */
  CANCELLED
}
