package io.plantspy.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro record in Avro's single-object encoding (C3 01, the 8-byte CRC-64-AVRO
 * fingerprint of the writer schema, then the binary datum). The fingerprint lets a reader find the writer's
 * schema in the {@link SchemaCatalog} without a registry server, so old and new producers can share a topic; the
 * serializer announces its schema to the catalog before its first record, so that readers older than it can too.
 *
 * <p>Null maps to null both ways, so tombstones pass through. Bad bytes surface as a {@link SerializationException}
 * ({@link UnknownSchemaException} for a writer schema no one published), which is what Kafka Streams' and Spring
 * Kafka's error handling expect; a schema topic that cannot be reached as a {@link SchemaLookupException}, to retry.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final String typeName;
  private final Schema writerSchema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final SchemaCatalog catalog;
  private volatile boolean announced;
  private final Serializer<T> serializer = this::serialize;
  private final Deserializer<T> deserializer = this::deserialize;

  /**
   * Use the generated class's own schema, encoder and decoder, e.g. {@code new AvroSerde<>(
   * DiagnosisRequest.getClassSchema(), DiagnosisRequest.getEncoder(), DiagnosisRequest.createDecoder(catalog),
   * catalog)}: they carry the logical-type conversions (Instant) of that class.
   */
  public AvroSerde(Schema writerSchema, BinaryMessageEncoder<T> encoder, BinaryMessageDecoder<T> decoder,
      SchemaCatalog catalog) {
    this.typeName = writerSchema.getName();
    this.writerSchema = writerSchema;
    this.encoder = encoder;
    this.decoder = decoder;
    this.catalog = catalog;
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  private byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (!announced) {
      // Before the first record, so no reader ever meets these bytes without a way to resolve their schema.
      // A failure propagates (SchemaLookupException): the record is not written.
      catalog.announce(writerSchema);
      announced = true;
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      encoder.encode(data, out);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      // Typically a required field left null; the producer should fail loudly rather than write half a record.
      throw new SerializationException("Cannot serialize " + typeName + " for topic " + topic + ": " + e, e);
    }
  }

  private T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return decoder.decode(data);
    } catch (BadHeaderException e) {
      throw failure(topic, "not Avro single-object encoding (expected header C3 01 + 8-byte fingerprint)", e);
    } catch (MissingSchemaException e) {
      throw new UnknownSchemaException("Cannot deserialize " + typeName + " from topic " + topic
          + ": unknown schema fingerprint " + fingerprintOf(data) + ", " + catalog.whereLookedUp(), e);
    } catch (SchemaLookupException e) {
      throw e; // The bytes may be fine: not reported as bad data, so the record is retried rather than dropped.
    } catch (SecurityException e) {
      // Avro refused to load a class: a setup fault, not bad data, so it is not reported as bad bytes.
      throw e;
    } catch (IOException | RuntimeException e) {
      // Truncated or corrupt payloads, or a record of another type (wrong topic), end up here.
      throw failure(topic, "undecodable payload", e);
    }
  }

  /** The header's fingerprint as the schema topic keys it; the header was valid, or Avro would not have got here. */
  private static String fingerprintOf(byte[] data) {
    return SchemaTopic.key(ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
  }

  private SerializationException failure(String topic, String reason, Exception cause) {
    return new SerializationException(
        "Cannot deserialize " + typeName + " from topic " + topic + ": " + reason + " (" + cause.getMessage() + ")",
        cause);
  }
}
