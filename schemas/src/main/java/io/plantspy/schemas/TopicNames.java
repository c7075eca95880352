package io.plantspy.schemas;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configurable names of PlantSpy's topics. Validated up front so a typo in configuration fails at startup
 * instead of when Kafka first rejects (or silently auto-creates) the topic.
 */
public record TopicNames(String requests, String results, String dlq, String labSamples, String modelReleases) {

  /** Kafka's own limit (Topic.MAX_NAME_LENGTH); longer names break the partition directory names. */
  public static final int MAX_LENGTH = 249;

  /**
   * Items of bulk jobs: the same {@code DiagnosisRequest}s as {@link #requests()} (source BULK, key the item's
   * diagnosis id, results on {@link #DIAGNOSIS_RESULTS_BULK}), apart so the processor can serve them after
   * interactive ones.
   */
  public static final String DIAGNOSIS_REQUESTS_BULK = "plantspy.diagnosis.requests.bulk";

  /**
   * Results of bulk job items: the same {@code DiagnosisResult}s as {@link #results()}, written by the processor's
   * bulk instance and read only by the API's job result listener, so the consumers of interactive results (the
   * diagnosis listener, the feed gateway, webhooks) never read, decode or look up a bulk item's result.
   */
  public static final String DIAGNOSIS_RESULTS_BULK = "plantspy.diagnosis.results.bulk";

  /**
   * Results of camera feed frames (requests with source FEED): the same {@code DiagnosisResult}s as
   * {@link #results()}, written by the processor's interactive instance, so that the feed gateway reads only its own
   * answers; the API and the webhook service read this topic besides {@link #results()}.
   */
  public static final String DIAGNOSIS_RESULTS_FEED = "plantspy.diagnosis.results.feed";

  /**
   * Cancelled bulk jobs: compacted, key and value the job id as a plain UTF-8 string (no Avro), written by the API
   * before it marks a cancelled job's items, read by the processor to skip them.
   */
  public static final String JOB_CANCELLATIONS = "plantspy.jobs.cancellations";

  /**
   * Bulk jobs that reached a terminal status ({@code JobEvent}, key the job id), written by the API at least once,
   * read by the webhook service for the {@code job.*} events.
   */
  public static final String JOB_EVENTS = "plantspy.jobs.events";

  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

  public TopicNames {
    List<String> names = List.of(
        check("requests", requests),
        check("results", results),
        check("dlq", dlq),
        check("labSamples", labSamples),
        check("modelReleases", modelReleases));
    // Two roles on one topic would mix value types and break every consumer of it.
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException("Topic " + name + " is configured for more than one role");
      }
    }
  }

  public static TopicNames defaults() {
    return new TopicNames(
        "plantspy.diagnosis.requests",
        "plantspy.diagnosis.results",
        "plantspy.diagnosis.requests.dlq",
        "plantspy.lab-samples",
        "plantspy.model.releases");
  }

  /**
   * The topics that must be created with {@code cleanup.policy=compact}: keyed by an entity's id, where only the
   * latest record per key matters and a null value (a tombstone) removes it, so a reader replaying the topic from
   * the start ends with the current set. Lab samples are withdrawn that way.
   */
  public List<String> compacted() {
    return List.of(labSamples);
  }

  private static String check(String role, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Topic name for " + role + " is blank");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Topic name for " + role + " is " + name.length() + " characters, the maximum is " + MAX_LENGTH);
    }
    if (!LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "Topic name for " + role + " '" + name + "' is illegal: use only a-z A-Z 0-9 . _ - (and not . or ..)");
    }
    return name;
  }
}
