package io.plantspy.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The wire format and failure behaviour of {@link AvroSerde}, through the serdes {@link Topics} hands out. */
class AvroSerdeTest {

  private static final String TOPIC = "plantspy.test";

  private final Topics topics = Topics.defaults();

  @Test
  void diagnosisRequestsRoundTrip() {
    assertRoundTrip(topics.requests().valueSerde(), Samples.inlineRequest());
    assertRoundTrip(topics.requests().valueSerde(), Samples.referencedRequest());
  }

  @Test
  void diagnosisResultsRoundTrip() {
    assertRoundTrip(topics.results().valueSerde(), Samples.diagnosedResult());
    assertRoundTrip(topics.results().valueSerde(), Samples.failedResult());
  }

  @Test
  void modelReleasesRoundTrip() {
    assertRoundTrip(topics.modelReleases().valueSerde(), Samples.modelRelease());
  }

  @Test
  void labSamplesRoundTrip() {
    assertRoundTrip(topics.labSamples().valueSerde(), Samples.labSample());
  }

  @Test
  void writesSingleObjectEncodingHeader() {
    byte[] bytes = topics.requests().valueSerde().serializer().serialize(TOPIC, Samples.inlineRequest());

    // Other languages decode these bytes with their own Avro library, so the header must follow the spec.
    long fingerprint = SchemaNormalization.parsingFingerprint64(DiagnosisRequest.getClassSchema());
    assertThat(Arrays.copyOfRange(bytes, 0, 2)).containsExactly(0xC3, 0x01);
    assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(fingerprint);
  }

  @Test
  void nullPassesThroughAsTombstone() {
    Serde<DiagnosisRequest> serde = topics.requests().valueSerde();

    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void rejectsBytesWithoutAvroHeader() {
    byte[] json = "{\"id\":\"5b0c7c2e\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> topics.requests().valueSerde().deserializer().deserialize(TOPIC, json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("DiagnosisRequest")
        .hasMessageContaining(TOPIC)
        .hasMessageContaining("not Avro single-object encoding");
  }

  @Test
  void rejectsBytesShorterThanHeader() {
    byte[] oneByte = {(byte) 0xC3};

    assertThatThrownBy(() -> topics.requests().valueSerde().deserializer().deserialize(TOPIC, oneByte))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not Avro single-object encoding");
  }

  @Test
  void rejectsUnknownSchemaFingerprint() {
    Schema stranger = SchemaBuilder.record("DiagnosisRequest").namespace("io.plantspy.schemas")
        .fields().requiredString("somethingElse").endRecord();
    GenericRecord record = new GenericData.Record(stranger);
    record.put("somethingElse", "x");
    byte[] bytes = Samples.singleObject(stranger, record);

    assertThatThrownBy(() -> topics.requests().valueSerde().deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema fingerprint");
  }

  @Test
  void rejectsRecordOfAnotherType() {
    // The catalog knows DiagnosisResult, so the fingerprint resolves; the names must still not match.
    byte[] result = topics.results().valueSerde().serializer().serialize(TOPIC, Samples.diagnosedResult());

    assertThatThrownBy(() -> topics.requests().valueSerde().deserializer().deserialize(TOPIC, result))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("undecodable payload");
  }

  @Test
  void rejectsTruncatedPayload() {
    byte[] bytes = topics.requests().valueSerde().serializer().serialize(TOPIC, Samples.inlineRequest());
    byte[] truncated = Arrays.copyOf(bytes, 14);

    assertThatThrownBy(() -> topics.requests().valueSerde().deserializer().deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("undecodable payload");
  }

  @Test
  void refusesToSerializeIncompleteRecord() {
    DiagnosisRequest incomplete = Samples.inlineRequest();
    incomplete.setOwner(null);

    assertThatThrownBy(() -> topics.requests().valueSerde().serializer().serialize(TOPIC, incomplete))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot serialize DiagnosisRequest");
  }

  private static <T extends SpecificRecord> void assertRoundTrip(Serde<T> serde, T record) {
    byte[] bytes = serde.serializer().serialize(TOPIC, record);
    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(record);
  }
}
