package io.plantspy.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** SchemaTopic against a real broker, which SchemaRolloutTest's MockProducer and MockConsumer stand in for. */
class SchemaTopicIT {

  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1, SchemaTopic.DEFAULT_NAME);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void readerFindsSchemasPublishedBeforeAndAfterItsFirstLookup() {
    Schema later = SchemaBuilder.record("DiagnosisResult").namespace("io.plantspy.schemas").fields()
        .requiredString("id").optionalString("note").endRecord();
    try (SchemaTopic writer = connect(SchemaTopic.DEFAULT_NAME);
        SchemaTopic reader = connect(SchemaTopic.DEFAULT_NAME)) {
      writer.publish(DiagnosisResult.getClassSchema());

      assertThat(reader.find(fingerprint(DiagnosisResult.getClassSchema())))
          .contains(DiagnosisResult.getClassSchema());
      assertThat(reader.find(fingerprint(later))).as("not published yet").isEmpty();

      writer.publish(later);
      assertThat(reader.find(fingerprint(later))).as("caught up on the next miss").contains(later);
    }
  }

  @Test
  void missingSchemaTopicIsALookupFailureAndIsNotCreatedByReading() {
    try (SchemaTopic reader = connect("plantspy.schemas.missing")) {
      assertThatThrownBy(() -> reader.find(fingerprint(DiagnosisResult.getClassSchema())))
          .isInstanceOf(SchemaLookupException.class)
          .hasMessageContaining("plantspy.schemas.missing does not exist");
      assertThatThrownBy(() -> reader.find(fingerprint(DiagnosisResult.getClassSchema())))
          .as("still missing: the first look did not auto-create it")
          .isInstanceOf(SchemaLookupException.class);
    }
  }

  private static SchemaTopic connect(String name) {
    return SchemaTopic.connect(name,
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
        Duration.ofSeconds(10));
  }

  private static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }
}
