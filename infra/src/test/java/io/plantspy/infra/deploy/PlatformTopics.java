package io.plantspy.infra.deploy;

import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.TopicNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The topics a deployment creates, from the names of the schemas module, and their cleanup policy: compacted where
 * the latest record per key is what counts (as the launcher's KafkaService creates them).
 */
final class PlatformTopics {

  /** The feed gateway's alerts (JSON, not an Avro topic of the schemas module). */
  static final String ALERTS = "plantspy.alerts";

  private PlatformTopics() {}

  /** Topic name to {@code cleanup.policy}. */
  static Map<String, String> cleanupPolicies() {
    TopicNames names = TopicNames.defaults();
    Map<String, String> topics = new LinkedHashMap<>();
    topics.put(names.requests(), "delete");
    topics.put(names.results(), "delete");
    topics.put(names.dlq(), "delete");
    topics.put(names.labSamples(), "delete");
    topics.put(TopicNames.DIAGNOSIS_REQUESTS_BULK, "delete");
    topics.put(TopicNames.JOB_CANCELLATIONS, "compact");
    topics.put(TopicNames.JOB_EVENTS, "delete");
    topics.put(names.modelReleases(), "compact");
    topics.put(ALERTS, "delete");
    topics.put(SchemaTopic.DEFAULT_NAME, "compact");
    names.compacted().forEach(topic -> topics.put(topic, "compact"));
    return topics;
  }
}
