package io.plantspy.trainerservice.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.LabSample;
import io.plantspy.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class LabSampleViewTest {

  private final Topics topics = Topics.defaults();
  private final LabSampleView view = new LabSampleView(new KafkaProperties(), topics,
      new LabProperties("lab_images", Path.of("images"), Duration.ofSeconds(1)));

  @Test
  void skipsAnUndecodableRecordAndKeepsReadingTheOthers() {
    view.apply(record(0, "s1", encode(sample("s1"))));
    view.apply(record(1, "poison", "not avro at all".getBytes(StandardCharsets.UTF_8)));
    view.apply(record(2, "s2", encode(sample("s2"))));

    assertThat(view.liveSamples()).extracting(LabSample::getId).containsExactly("s1", "s2");
    assertThat(view.skippedRecords()).isEqualTo(1);
  }

  @Test
  void aTombstoneRemovesItsSample() {
    view.apply(record(0, "s1", encode(sample("s1"))));
    view.apply(record(1, "s2", encode(sample("s2"))));
    view.apply(record(2, "s1", null));

    assertThat(view.liveSamples()).extracting(LabSample::getId).containsExactly("s2");
    assertThat(view.skippedRecords()).isZero();
  }

  private byte[] encode(LabSample sample) {
    return topics.labSamples().valueSerde().serializer().serialize(topics.labSamples().name(), sample);
  }

  private ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
    return new ConsumerRecord<>(topics.labSamples().name(), 0, offset, key, value);
  }

  static LabSample sample(String id) {
    return LabSample.newBuilder().setId(id).setOwner("lab").setLabel("Tomato___healthy")
        .setImage(new ImageReference("gridfs:lab_images", "0".repeat(24))).setContentType("image/jpeg")
        .setSha256("sha-" + id).setCreatedAt(Instant.now()).build();
  }
}
