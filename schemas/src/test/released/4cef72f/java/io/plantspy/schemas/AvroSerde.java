package io.plantspy.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * schema in the {@link SchemaCatalog} without a registry server, so old and new producers can share a topic.
 *
 * <p>Null maps to null both ways, so tombstones pass through. Every decoding failure surfaces as a
 * {@link SerializationException}, which is what Kafka Streams' deserialization exception handler expects.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final String typeName;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final Serializer<T> serializer = this::serialize;
  private final Deserializer<T> deserializer = this::deserialize;

  /**
   * Use the generated class's own encoder and decoder, e.g.
   * {@code new AvroSerde<>(DiagnosisRequest.class, DiagnosisRequest.getEncoder(),
   * DiagnosisRequest.createDecoder(catalog))}: they carry the logical-type conversions (Instant) of that class.
   */
  public AvroSerde(Class<T> type, BinaryMessageEncoder<T> encoder, BinaryMessageDecoder<T> decoder) {
    this.typeName = type.getSimpleName();
    this.encoder = encoder;
    this.decoder = decoder;
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
      throw failure(topic, "unknown schema fingerprint, the writer used a schema missing from SchemaCatalog", e);
    } catch (SecurityException e) {
      // Avro refused to load a class: a setup fault, not bad data, so it is not reported as bad bytes.
      throw e;
    } catch (IOException | RuntimeException e) {
      // Truncated or corrupt payloads, or a record of another type (wrong topic), end up here.
      throw failure(topic, "undecodable payload", e);
    }
  }

  private SerializationException failure(String topic, String reason, Exception cause) {
    return new SerializationException(
        "Cannot deserialize " + typeName + " from topic " + topic + ": " + reason + " (" + cause.getMessage() + ")",
        cause);
  }
}
