package io.plantspy.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.apache.avro.message.SchemaStore;

/**
 * The schema store behind every PlantSpy deserializer: it resolves the fingerprint in a single-object-encoded
 * message to the schema its writer used, for every version of every message type the project has shipped.
 *
 * <p>Current versions come from the generated classes; older ones are kept as self-contained snapshots under
 * {@code io/plantspy/schemas/history/<Name>-v<N>.avsc} (numbered from 1 without gaps), because records written
 * by an old producer stay in Kafka long after the code that wrote them is gone. A replacement for a schema
 * registry that needs no server: every service ships the same catalog in this jar.
 */
public final class SchemaCatalog implements SchemaStore {

  static {
    // Every decoder built from a catalog needs this before its first decode; class init runs it exactly once.
    AvroClassTrust.trustGeneratedClasses();
  }

  /** The top-level records written to Kafka; nested records are never encoded on their own. */
  static final List<Schema> CURRENT = List.of(
      DiagnosisRequest.getClassSchema(),
      DiagnosisResult.getClassSchema(),
      ModelRelease.getClassSchema(),
      LabSample.getClassSchema());

  static final String HISTORY_FOLDER = "history";

  /** One shipped version of a message type. */
  public record Version(String name, int version, Schema schema) {}

  private final SchemaStore.Cache cache = new SchemaStore.Cache();
  private final List<Version> history;

  private SchemaCatalog(List<Version> history) {
    this.history = List.copyOf(history);
    // History first, so a snapshot identical to the current schema resolves to the generated class's instance.
    history.forEach(version -> cache.addSchema(version.schema()));
    CURRENT.forEach(cache::addSchema);
  }

  /** Reads the history snapshots from the classpath; cheap enough to call once per service. */
  public static SchemaCatalog load() {
    List<Version> history = new ArrayList<>();
    for (Schema current : CURRENT) {
      history.addAll(loadHistory(current.getName(), current.getFullName()));
    }
    return new SchemaCatalog(history);
  }

  @Override
  public Schema findByFingerprint(long fingerprint) {
    return cache.findByFingerprint(fingerprint);
  }

  /** The current schema of every top-level record. */
  public List<Schema> current() {
    return CURRENT;
  }

  /** Every shipped snapshot, oldest first per type. */
  public List<Version> history() {
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
