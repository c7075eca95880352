package io.plantspy.trainerservice.kafka;

import io.plantspy.schemas.TopicNames;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics this service reads and writes. Unset names are the schemas module's {@link TopicNames#defaults()},
 * shared with the API and the stream processor, so they are not restated here.
 *
 * @param labSamples the compacted topic of lab samples (read from the beginning at every start)
 * @param modelReleases the compacted topic the champion is announced on
 */
@ConfigurationProperties("plantspy.kafka")
public record KafkaTopicProperties(String labSamples, String modelReleases) {

  /** The full set, validated by {@link TopicNames}. */
  public TopicNames topicNames() {
    TopicNames d = TopicNames.defaults();
    return new TopicNames(d.requests(), d.results(), d.dlq(), labSamples != null ? labSamples : d.labSamples(),
        modelReleases != null ? modelReleases : d.modelReleases());
  }
}
