package io.plantspy.ingest.kafka;

import io.plantspy.schemas.TopicNames;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Topic names and the result consumer's group.
 *
 * @param requests topic the API writes DiagnosisRequest to
 * @param results topic the stream processor writes DiagnosisResult to
 * @param resultsGroup consumer group of the result listener, the same on every API instance so each result is
 *     stored once
 */
@ConfigurationProperties("plantspy.kafka")
public record KafkaTopicProperties(String requests, String results, String resultsGroup) {

  public KafkaTopicProperties {
    TopicNames defaults = TopicNames.defaults();
    requests = requests != null ? requests : defaults.requests();
    results = results != null ? results : defaults.results();
    resultsGroup = resultsGroup != null ? resultsGroup : "plantspy-ingest-api";
  }

  /** The full set, validated by {@link TopicNames}. */
  public TopicNames topicNames() {
    TopicNames d = TopicNames.defaults();
    return new TopicNames(requests, results, d.dlq(), d.labSamples(), d.modelReleases());
  }
}
