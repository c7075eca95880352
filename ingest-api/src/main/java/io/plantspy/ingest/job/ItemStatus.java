package io.plantspy.ingest.job;

import java.util.List;
import java.util.Locale;

/**
 * Where one item of a job stands: {@code pending} recorded, not yet published; {@code queued} published to the
 * bulk topic; then one of the terminal {@code completed}, {@code failed} (refused when read, or failed by the
 * processor) or {@code cancelled}. A terminal item never changes again.
 */
public enum ItemStatus {
  PENDING, QUEUED, COMPLETED, FAILED, CANCELLED;

  static final List<ItemStatus> OPEN = List.of(PENDING, QUEUED);

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
