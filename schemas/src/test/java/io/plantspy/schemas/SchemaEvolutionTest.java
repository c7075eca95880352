package io.plantspy.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.junit.jupiter.api.Test;

/**
 * Messages written by one shipped version are read by another, in both directions, using DiagnosisRequest v1
 * (no idempotencyKey) as the old version: producers and consumers are upgraded one at a time, not together.
 */
class SchemaEvolutionTest {

  private static final String TOPIC = "plantspy.diagnosis.requests";

  private final SchemaCatalog catalog = SchemaCatalog.load();
  private final Topics topics = Topics.from(TopicNames.defaults(), catalog);
  private final Schema v1 = historic("DiagnosisRequest", 1);

  @Test
  void oldWriterBytesAreReadByNewReader() {
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "5b0c7c2e-9f0e-4d2b-a3d4-3c6a1f1e2b7d");
    old.put("owner", "user-42");
    Schema answer = v1.getField("requestedAnswers").schema().getElementType();
    old.put("requestedAnswers", List.of(new GenericData.EnumSymbol(answer, "HEALTH")));
    old.put("source", new GenericData.EnumSymbol(v1.getField("source").schema(), "URL"));
    GenericRecord reference = new GenericData.Record(v1.getField("image").schema().getTypes().get(1));
    reference.put("store", "gridfs");
    reference.put("id", "65f1c0ffee");
    old.put("image", reference);
    old.put("contentType", "image/png");
    old.put("sizeBytes", 1234L);
    old.put("metadata", Map.of("camera", "phone"));
    old.put("createdAt", Samples.CREATED_AT.toEpochMilli());

    DiagnosisRequest read =
        topics.requests().valueSerde().deserializer().deserialize(TOPIC, Samples.singleObject(v1, old));

    assertThat(read.getIdempotencyKey()).as("default of the field added in v2").isNull();
    assertThat(read.getRequestedAnswers()).containsExactly(Answer.HEALTH);
    assertThat(read.getSource()).isEqualTo(RequestSource.URL);
    assertThat(read.getImage()).isEqualTo(new ImageReference("gridfs", "65f1c0ffee"));
    assertThat(read.getMetadata()).containsEntry("camera", "phone");
    assertThat(read.getCreatedAt()).isEqualTo(Samples.CREATED_AT);
  }

  @Test
  void newWriterBytesAreReadByOldReader() throws Exception {
    DiagnosisRequest current = Samples.inlineRequest();
    byte[] bytes = topics.requests().valueSerde().serializer().serialize(TOPIC, current);

    // An old consumer: generic data with the v1 schema as its reader schema, resolving writers via the catalog.
    GenericRecord read = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1, catalog).decode(bytes);

    assertThat(read.getSchema().getField("idempotencyKey")).as("dropped, v1 does not know it").isNull();
    assertThat(read.get("id").toString()).isEqualTo(current.getId());
    assertThat(((GenericEnumSymbol<?>) read.get("source")).toString()).isEqualTo("UPLOAD");
    assertThat(((ByteBuffer) ((GenericRecord) read.get("image")).get("data")))
        .isEqualTo(((InlineImage) current.getImage()).getData());
    assertThat(read.get("createdAt")).isEqualTo(Samples.CREATED_AT.toEpochMilli());
  }

  private Schema historic(String name, int version) {
    return catalog.history().stream()
        .filter(v -> v.name().equals(name) && v.version() == version)
        .findFirst()
        .orElseThrow()
        .schema();
  }
}
