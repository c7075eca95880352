package io.plantspy.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.apache.avro.message.SchemaStore;

/**
 * The schema store behind every PlantSpy serde: it resolves the fingerprint in a single-object-encoded message to
 * the schema its writer used, and lets writers announce their schema before their first record.
 *
 * <p>Two sources, in this order. First the versions shipped in this jar: current ones from the generated classes,
 * older ones as self-contained snapshots under {@code io/plantspy/schemas/history/<Name>-v<N>.avsc} (numbered from
 * 1 without gaps), because records written by an old producer stay in Kafka long after the code that wrote them is
 * gone. Then, for a fingerprint this jar does not know, the compacted {@link SchemaTopic} {@code plantspy.schemas},
 * to which every writer publishes its schema before its first record: that is how a reader deployed before a
 * schema change reads the records of a newer writer without being redeployed. A fingerprint found in neither is an
 * {@link UnknownSchemaException} (dead letter), a topic that cannot be read a {@link SchemaLookupException} (retry);
 * never a null value.
 *
 * <p>Decision (issue 8), rejected alternatives: shipping every version to all readers before any writer uses it
 * needs a rollout rule that nothing enforces and fails open (a writer deployed first makes every reader drop its
 * records); a versioned store in MongoDB would make the stream processor depend on MongoDB for every record,
 * although it only needs it for claim-checked images, and would add a second system to every schema change; a
 * schema registry server (Confluent's, Apicurio) is another service to run, secure and keep available, for what
 * a compacted topic on the broker every service already uses does. {@link #load()} without a topic is for tests and
 * tools that never meet a newer writer.
 */
public final class SchemaCatalog implements SchemaStore, AutoCloseable {

  static {
    // Every decoder built from a catalog needs this before its first decode; class init runs it exactly once.
    AvroClassTrust.trustGeneratedClasses();
  }

  /** The top-level records written to Kafka; nested records are never encoded on their own. */
  static final List<Schema> CURRENT = List.of(
      DiagnosisRequest.getClassSchema(),
      DiagnosisResult.getClassSchema(),
      ModelRelease.getClassSchema(),
      LabSample.getClassSchema(),
      JobEvent.getClassSchema());

  static final String HISTORY_FOLDER = "history";

  /** One shipped version of a message type. */
  public record Version(String name, int version, Schema schema) {}

  private final SchemaStore.Cache cache = new SchemaStore.Cache();
  private final List<Version> history;
  private final SchemaTopic topic;

  private SchemaCatalog(List<Version> history, SchemaTopic topic) {
    this.history = List.copyOf(history);
    this.topic = topic;
    // History first, so a snapshot identical to the current schema resolves to the generated class's instance.
    history.forEach(version -> cache.addSchema(version.schema()));
    CURRENT.forEach(cache::addSchema);
  }

  /**
   * The shipped versions only, read from the classpath: for tests and tools. Writers announce nothing, and a
   * newer writer's fingerprint is an {@link UnknownSchemaException}.
   */
  public static SchemaCatalog load() {
    return new SchemaCatalog(loadHistory(), null);
  }

  /** The shipped versions, then {@code topic} for any other fingerprint; the catalog owns (closes) the topic. */
  public static SchemaCatalog load(SchemaTopic topic) {
    return new SchemaCatalog(loadHistory(), Objects.requireNonNull(topic, "topic"));
  }

  /**
   * The writer schema of a fingerprint, or null when neither this jar nor the schema topic has it (Avro's
   * decoder then throws MissingSchemaException).
   *
   * @throws SchemaLookupException if the schema topic could not be read
   */
  @Override
  public Schema findByFingerprint(long fingerprint) {
    Schema shipped = cache.findByFingerprint(fingerprint);
    if (shipped != null || topic == null) {
      return shipped;
    }
    Optional<Schema> published = topic.find(fingerprint);
    published.ifPresent(cache::addSchema);
    return published.orElse(null);
  }

  /**
   * Makes {@code writerSchema} resolvable by every reader before a record written with it exists: publishes it
   * to the schema topic (once per schema; blocks until acknowledged). Without a topic there is no one to tell.
   *
   * @throws SchemaLookupException if it could not be published: the record must then not be written
   */
  public void announce(Schema writerSchema) {
    if (topic != null) {
      topic.publish(writerSchema);
    }
  }

  /** Where an unknown fingerprint was looked for, for error messages. */
  String whereLookedUp() {
    return topic == null ? "not shipped in this jar's SchemaCatalog, and no schema topic is configured"
        : "neither shipped in this jar's SchemaCatalog nor published to schema topic " + topic.name();
  }

  @Override
  public void close() {
    if (topic != null) {
      topic.close();
    }
  }

  /** The current schema of every top-level record. */
  public List<Schema> current() {
    return CURRENT;
  }

  /** Every shipped snapshot, oldest first per type. */
  public List<Version> history() {
    return history;
  }

  private static List<Version> loadHistory() {
    List<Version> history = new ArrayList<>();
    for (Schema current : CURRENT) {
      history.addAll(loadHistory(current.getName(), current.getFullName()));
    }
    return history;
  }

  private static List<Version> loadHistory(String name, String fullName) {
    List<Version> versions = new ArrayList<>();
    for (int version = 1; ; version++) {
      String resource = historyResource(name, version);
      try (InputStream in = SchemaCatalog.class.getResourceAsStream(resource)) {
        if (in == null) {
          return versions;
        }
        // A fresh parser per file: snapshots are self-contained and must not see each other's type names.
        Schema schema = new SchemaParser().parse(in).mainSchema();
        if (!schema.getFullName().equals(fullName)) {
          throw new IllegalStateException(resource + " declares " + schema.getFullName() + ", expected " + fullName);
        }
        versions.add(new Version(name, version, schema));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
  }

  static String historyResource(String name, int version) {
    return HISTORY_FOLDER + "/" + name + "-v" + version + ".avsc";
  }
}
