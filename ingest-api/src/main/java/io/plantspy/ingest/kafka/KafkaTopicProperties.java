package io.plantspy.ingest.kafka;

import io.plantspy.schemas.TopicNames;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topic names and the result consumer's group. The topic names default to the schemas module's
 * {@link TopicNames#defaults()}, shared with the stream processor, so they are not restated here.
 *
 * @param requests topic the API writes DiagnosisRequest to
 * @param results topic the stream processor writes DiagnosisResult to
 * @param resultsGroup consumer group of the result listener, the same on every API instance so each result is
 *     stored once
 */
@ConfigurationProperties("plantspy.kafka")
public record KafkaTopicProperties(String requests, String results,
    @DefaultValue("plantspy-ingest-api") String resultsGroup) {

  public KafkaTopicProperties {
    TopicNames defaults = TopicNames.defaults();
    requests = requests != null ? requests : defaults.requests();
    results = results != null ? results : defaults.results();
  }

  /** The full set, validated by {@link TopicNames}. */
  public TopicNames topicNames() {
    TopicNames d = TopicNames.defaults();
    return new TopicNames(requests, results, d.dlq(), d.labSamples(), d.modelReleases());
  }
}
