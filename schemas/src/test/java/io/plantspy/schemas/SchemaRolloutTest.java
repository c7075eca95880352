package io.plantspy.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParser;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A writer newer than its reader: the writer publishes its schema to the schema topic before its first record,
 * and a reader that did not ship with that schema resolves it there, new enum symbols falling back to the default.
 * The topic is Kafka's MockProducer and MockConsumer, relayed by hand; the services' ITs use a real broker.
 */
class SchemaRolloutTest {

  private static final String TOPIC = "plantspy.diagnosis.requests";
  private static final TopicPartition SCHEMAS = new TopicPartition(SchemaTopic.DEFAULT_NAME, 0);

  private final MockProducer<String, String> producer =
      new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
  private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
  private final SchemaTopic schemaTopic =
      new SchemaTopic(SchemaTopic.DEFAULT_NAME, producer, consumer, Duration.ofSeconds(5));

  SchemaRolloutTest() {
    Node broker = new Node(0, "localhost", 9092);
    consumer.updatePartitions(SchemaTopic.DEFAULT_NAME, List.of(
        new PartitionInfo(SchemaTopic.DEFAULT_NAME, 0, broker, new Node[] {broker}, new Node[] {broker})));
    consumer.updateBeginningOffsets(Map.of(SCHEMAS, 0L));
    consumer.updateEndOffsets(Map.of(SCHEMAS, 0L));
  }

  @Test
  void readerResolvesNewerWriterSchemaFromTheSchemaTopic() {
    Schema next = nextDiagnosisRequest();
    new SchemaTopic(SchemaTopic.DEFAULT_NAME, producer, new MockConsumer<>("earliest"), Duration.ofSeconds(5))
        .publish(next);
    relayPublishedSchemas();

    DiagnosisRequest read = readerWith(SchemaCatalog.load(schemaTopic)).deserialize(TOPIC, nextWriterBytes(next));

    DiagnosisRequest expected = Samples.referencedRequest();
    expected.setSource(RequestSource.UPLOAD); // written as PARTNER, unknown to this reader: the enum's default
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void withoutTheSchemaTopicANewerWriterIsADeadLetterNeverANull() {
    byte[] bytes = nextWriterBytes(nextDiagnosisRequest());

    assertThatThrownBy(() -> readerWith(SchemaCatalog.load()).deserialize(TOPIC, bytes))
        .isInstanceOf(UnknownSchemaException.class)
        .hasMessageContaining("unknown schema fingerprint "
            + SchemaTopic.key(SchemaNormalization.parsingFingerprint64(nextDiagnosisRequest())))
        .hasMessageContaining("no schema topic is configured");
  }

  @Test
  void fingerprintPublishedByNoOneIsADeadLetter() {
    byte[] bytes = nextWriterBytes(nextDiagnosisRequest()); // written, but its schema never published
    relayPublishedSchemas();

    assertThatThrownBy(() -> readerWith(SchemaCatalog.load(schemaTopic)).deserialize(TOPIC, bytes))
        .isInstanceOf(UnknownSchemaException.class)
        .hasMessageContaining("nor published to schema topic " + SchemaTopic.DEFAULT_NAME);
  }

  @Test
  void unreadableSchemaTopicIsRetriedNotTakenForBadData() {
    byte[] bytes = nextWriterBytes(nextDiagnosisRequest());
    consumer.updateEndOffsets(Map.of(SCHEMAS, 1L));
    consumer.setPollException(new KafkaException("broker gone"));

    assertThatThrownBy(() -> readerWith(SchemaCatalog.load(schemaTopic)).deserialize(TOPIC, bytes))
        .isInstanceOf(SchemaLookupException.class)
        .isNotInstanceOf(SerializationException.class)
        .hasMessageContaining("broker gone");
  }

  @Test
  void writerPublishesItsSchemaOnceBeforeItsFirstRecord() {
    Topics topics = Topics.from(TopicNames.defaults(), SchemaCatalog.load(schemaTopic));

    topics.requests().valueSerde().serializer().serialize(TOPIC, Samples.inlineRequest());
    topics.requests().valueSerde().serializer().serialize(TOPIC, Samples.referencedRequest());

    assertThat(producer.history()).hasSize(1);
    ProducerRecord<String, String> published = producer.history().get(0);
    long fingerprint = SchemaNormalization.parsingFingerprint64(DiagnosisRequest.getClassSchema());
    assertThat(published.topic()).isEqualTo(SchemaTopic.DEFAULT_NAME);
    assertThat(published.key()).isEqualTo(SchemaTopic.key(fingerprint));
    // The full schema, defaults included: resolution needs them, the fingerprint's canonical form drops them.
    assertThat(new SchemaParser().parse(published.value()).mainSchema())
        .isEqualTo(DiagnosisRequest.getClassSchema());
  }

  @Test
  void writerRefusesToWriteWhatItCouldNotPublish() {
    Topics topics = Topics.from(TopicNames.defaults(), SchemaCatalog.load(schemaTopic));
    producer.sendException = new KafkaException("not enough replicas");

    assertThatThrownBy(() -> topics.results().valueSerde().serializer().serialize(TOPIC, Samples.diagnosedResult()))
        .isInstanceOf(SchemaLookupException.class)
        .hasMessageContaining("DiagnosisResult")
        .hasMessageContaining("not enough replicas");

    producer.sendException = null;
    assertThat(topics.results().valueSerde().serializer().serialize(TOPIC, Samples.diagnosedResult())).isNotEmpty();
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void entryWhoseKeyIsNotItsSchemasFingerprintIsIgnored() {
    Schema next = nextDiagnosisRequest();
    String impostorKey = SchemaTopic.key(SchemaNormalization.parsingFingerprint64(next));
    // Claims the newer writer's fingerprint but holds another schema.
    producer.send(new ProducerRecord<>(SchemaTopic.DEFAULT_NAME, impostorKey,
        SchemaFormatter.format("json", DiagnosisResult.getClassSchema())));
    relayPublishedSchemas();

    assertThatThrownBy(() -> readerWith(SchemaCatalog.load(schemaTopic)).deserialize(TOPIC, nextWriterBytes(next)))
        .isInstanceOf(UnknownSchemaException.class);
  }

  /** What the broker would do: every record the producer sent becomes readable by the consumer. */
  private void relayPublishedSchemas() {
    List<ProducerRecord<String, String>> sent = new ArrayList<>(producer.history());
    consumer.updateEndOffsets(Map.of(SCHEMAS, (long) sent.size()));
    consumer.schedulePollTask(() -> {
      for (int offset = 0; offset < sent.size(); offset++) {
        consumer.addRecord(new ConsumerRecord<>(SchemaTopic.DEFAULT_NAME, 0, offset, sent.get(offset).key(),
            sent.get(offset).value()));
      }
    });
  }

  private static Deserializer<DiagnosisRequest> readerWith(SchemaCatalog catalog) {
    return Topics.from(TopicNames.defaults(), catalog).requests().valueSerde().deserializer();
  }

  /**
   * A DiagnosisRequest as a later release might write it: a new optional field and a new RequestSource symbol,
   * both of which the current reader must get past.
   */
  private static Schema nextDiagnosisRequest() {
    Schema current = DiagnosisRequest.getClassSchema();
    Schema source = current.getField("source").schema();
    List<String> symbols = new ArrayList<>(source.getEnumSymbols());
    symbols.add("PARTNER");
    Schema nextSource = Schema.createEnum(source.getName(), source.getDoc(), source.getNamespace(), symbols,
        source.getEnumDefault());
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : current.getFields()) {
      fields.add(new Schema.Field(field, field.name().equals("source") ? nextSource : field.schema()));
    }
    fields.add(new Schema.Field("priority", Schema.create(Schema.Type.INT), "Added in the next version.", 0));
    return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
  }

  /** Samples.referencedRequest() as the next version writes it, with the new source symbol and field set. */
  private static byte[] nextWriterBytes(Schema next) {
    try {
      // The sample's datum (after the 10-byte single-object header) read into a record of the next schema.
      byte[] current = DiagnosisRequest.getEncoder().encode(Samples.referencedRequest()).array();
      GenericRecord record = new GenericDatumReader<GenericRecord>(DiagnosisRequest.getClassSchema(), next)
          .read(null, DecoderFactory.get().binaryDecoder(current, 10, current.length - 10, null));
      record.put("source", new GenericData.EnumSymbol(next.getField("source").schema(), "PARTNER"));
      record.put("priority", 3);
      return Samples.singleObject(next, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
