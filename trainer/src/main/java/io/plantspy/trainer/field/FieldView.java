package io.plantspy.trainer.field;

import java.util.Locale;

/** One field condition at one severity used as an extra training view, written {@code FIELD_MIX:2}. */
public record FieldView(FieldCondition condition, int severity) {

  public FieldView {
    if (severity < 1 || severity > FieldCondition.MAX_SEVERITY) {
      throw new IllegalArgumentException("severity must be 1.." + FieldCondition.MAX_SEVERITY + ", was " + severity);
    }
  }

  /** Parses {@code CONDITION:SEVERITY} (the condition's name in any case). */
  public static FieldView parse(String text) {
    String[] parts = text.trim().split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("a field view is CONDITION:SEVERITY, e.g. FIELD_MIX:2, not " + text);
    }
    return new FieldView(FieldCondition.valueOf(parts[0].toUpperCase(Locale.ROOT)), Integer.parseInt(parts[1]));
  }

  @Override
  public String toString() {
    return condition + ":" + severity;
  }
}
