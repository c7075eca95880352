package io.plantspy.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Topic names are checked before Kafka sees them, and every topic carries String keys. */
class TopicsTest {

  @Test
  void defaultsAreTheDocumentedNames() {
    Topics topics = Topics.defaults();

    assertThat(topics.requests().name()).isEqualTo("plantspy.diagnosis.requests");
    assertThat(topics.results().name()).isEqualTo("plantspy.diagnosis.results");
    assertThat(topics.dlq().name()).isEqualTo("plantspy.diagnosis.requests.dlq");
    assertThat(topics.labSamples().name()).isEqualTo("plantspy.lab-samples");
    assertThat(topics.modelReleases().name()).isEqualTo("plantspy.model.releases");
    assertThat(topics.bulkRequests().name()).isEqualTo("plantspy.diagnosis.requests.bulk");
    assertThat(topics.jobCancellations().name()).isEqualTo("plantspy.jobs.cancellations");
    assertThat(topics.bulkResults().name()).isEqualTo("plantspy.diagnosis.results.bulk");
    assertThat(topics.feedResults().name()).isEqualTo("plantspy.diagnosis.results.feed");
  }

  @Test
  void bulkAndFeedResultsAreReadAndWrittenLikeInteractiveResults() {
    Topics topics = Topics.defaults();

    assertThat(topics.bulkResults().valueSerde()).isSameAs(topics.results().valueSerde());
    assertThat(topics.bulkResults().keySerde()).isSameAs(topics.results().keySerde());
    assertThat(topics.feedResults().valueSerde()).isSameAs(topics.results().valueSerde());
    assertThat(topics.feedResults().keySerde()).isSameAs(topics.results().keySerde());
  }

  @Test
  void bulkItemsAreReadAndWrittenLikeInteractiveRequests() {
    Topics topics = Topics.defaults();

    assertThat(topics.bulkRequests().valueSerde()).isSameAs(topics.requests().valueSerde());
    assertThat(topics.bulkRequests().keySerde()).isSameAs(topics.requests().keySerde());
  }

  @Test
  void labSamplesAreCompactedSoWithdrawalsAreTombstones() {
    TopicNames d = TopicNames.defaults();

    assertThat(d.compacted()).containsExactly("plantspy.lab-samples");
    assertThat(new TopicNames(d.requests(), d.results(), d.dlq(), "staging.lab", d.modelReleases()).compacted())
        .containsExactly("staging.lab");
  }

  @Test
  void topicNamesAreValidated() {
    assertRejected(null, "blank");
    assertRejected("  ", "blank");
    assertRejected("plantspy diagnosis", "illegal");
    assertRejected("plantspy/requests", "illegal");
    assertRejected("plantspy.tomates-à-la-carte", "illegal");
    assertRejected(".", "illegal");
    assertRejected("..", "illegal");
    assertRejected("x".repeat(TopicNames.MAX_LENGTH + 1), "maximum is 249");

    assertThat(requestsNamed("x".repeat(TopicNames.MAX_LENGTH)).requests()).hasSize(249);
    assertThat(requestsNamed("Staging_plantspy-requests.v2").requests()).isEqualTo("Staging_plantspy-requests.v2");
  }

  @Test
  void oneTopicCannotServeTwoRoles() {
    TopicNames d = TopicNames.defaults();

    assertThatThrownBy(() -> new TopicNames(d.requests(), d.requests(), d.dlq(), d.labSamples(), d.modelReleases()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than one role");
  }

  @Test
  void keysAreStringIds() {
    Topics topics = Topics.defaults();
    String id = "5b0c7c2e-9f0e-4d2b-a3d4-3c6a1f1e2b7d";

    byte[] key = topics.requests().keySerde().serializer().serialize("t", id);

    assertThat(topics.results().keySerde().deserializer().deserialize("t", key)).isEqualTo(id);
  }

  @Test
  void bulkItemsAreDiagnosisRequestsOnTheirOwnTopic() {
    Topics topics = Topics.defaults();
    DiagnosisRequest item = Samples.inlineRequest();

    byte[] value = topics.bulkRequests().valueSerde().serializer().serialize("t", item);

    assertThat(topics.bulkRequests().name()).isEqualTo("plantspy.diagnosis.requests.bulk")
        .isNotEqualTo(topics.requests().name());
    assertThat(topics.requests().valueSerde().deserializer().deserialize("t", value)).isEqualTo(item);
  }

  private static void assertRejected(String name, String reason) {
    assertThatThrownBy(() -> requestsNamed(name))
        .as("topic name %s", name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requests")
        .hasMessageContaining(reason);
  }

  private static TopicNames requestsNamed(String name) {
    UnaryOperator<TopicNames> rename = d -> new TopicNames(name, d.results(), d.dlq(), d.labSamples(),
        d.modelReleases());
    return rename.apply(TopicNames.defaults());
  }
}
