package io.plantspy.trainer.field;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a {@code ## heading} section into a release's {@code MODEL_CARD.md}: replaces the section of that heading if
 * the card has one, otherwise inserts it before "## Known limits" (or at the end).
 */
public final class ModelCardSection {

  private ModelCardSection() {}

  public static void put(Path card, String heading, String body) throws IOException {
    Files.writeString(card, put(Files.readString(card), heading, body));
  }

  static String put(String card, String heading, String body) {
    String section = "## " + heading + "\n\n" + body.strip() + "\n\n";
    int start = card.indexOf("## " + heading + "\n");
    if (start >= 0) {
      int end = card.indexOf("\n## ", start + 3);
      return card.substring(0, start) + section + (end < 0 ? "" : card.substring(end + 1));
    }
    int limits = card.indexOf("## Known limits\n");
    return limits < 0 ? card.stripTrailing() + "\n\n" + section : card.substring(0, limits) + section
        + card.substring(limits);
  }
}
