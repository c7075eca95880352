package io.plantspy.feeds.devices;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MQTT topics of camera devices, after AWS's "dt/app/context/thing/type" layout: a device publishes frames to
 * {@code dt/plantspy/{farm}/{device}/image} and receives its diagnoses on {@code dt/plantspy/{farm}/{device}/diagnosis}.
 */
public final class FeedTopics {

  /** What the gateway subscribes to: every device's frames. */
  public static final String ALL_IMAGES = "dt/plantspy/+/+/image";
  /** Every device's diagnoses: what the gateway may publish to. */
  public static final String ALL_DIAGNOSES = "dt/plantspy/+/+/diagnosis";

  /** Lower-case letters, digits and dashes: no MQTT wildcard, separator or {@code $} can hide in a segment. */
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern IMAGE_TOPIC = Pattern.compile("dt/plantspy/([a-z0-9-]+)/([a-z0-9-]+)/image");

  private FeedTopics() {}

  /** Whether {@code value} may be a farm or device id, i.e. one topic level without wildcards. */
  public static boolean isSegment(String value) {
    return value != null && SEGMENT.matcher(value).matches();
  }

  public static String image(String farm, String device) {
    return "dt/plantspy/" + requireSegment(farm) + "/" + requireSegment(device) + "/image";
  }

  public static String diagnosis(String farm, String device) {
    return "dt/plantspy/" + requireSegment(farm) + "/" + requireSegment(device) + "/diagnosis";
  }

  /** The farm and device a frame topic names; empty for any other topic. */
  public static Optional<Source> parseImage(String topic) {
    var m = IMAGE_TOPIC.matcher(topic);
    return m.matches() ? Optional.of(new Source(m.group(1), m.group(2))) : Optional.empty();
  }

  private static String requireSegment(String value) {
    if (!isSegment(value)) {
      throw new IllegalArgumentException("not a topic segment (a-z, 0-9, -): " + value);
    }
    return value;
  }

  /** Where a frame came from, as its topic says. */
  public record Source(String farm, String device) {}
}
