package io.plantspy.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's guard against breaking a topic: every shipped version of a message type must read every other
 * (full transitive compatibility), and the current schema must be recorded in the history so the catalog can
 * still decode its bytes after the next change. A schema edit that breaks either fails {@code mvn verify}.
 */
class SchemaCompatibilityTest {

  private static final SchemaCatalog CATALOG = SchemaCatalog.load();

  static Stream<Arguments> readerWriterPairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (Schema current : CATALOG.current()) {
      List<Labelled> versions = new ArrayList<>();
      CATALOG.history().stream()
          .filter(v -> v.name().equals(current.getName()))
          .forEach(v -> versions.add(new Labelled(v.name() + " v" + v.version(), v.schema())));
      versions.add(new Labelled(current.getName() + " current", current));
      for (Labelled reader : versions) {
        for (Labelled writer : versions) {
          if (reader != writer) {
            pairs.add(Arguments.of(reader, writer));
          }
        }
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "reader {0} reads writer {1}")
  @MethodSource("readerWriterPairs")
  void everyShippedVersionReadsEveryOther(Labelled reader, Labelled writer) {
    SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader.schema(),
        writer.schema());

    if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
      // Incompatibility.toString() dumps both schemas; type, location and message are what a reader needs.
      List<String> problems = result.getResult().getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
          .toList();
      fail(reader + " cannot read data written by " + writer + ": " + problems
          + "\nNew fields need a default; removed fields must have had one; enum symbols and union branches "
          + "cannot be added where old readers lack a default.");
    }
  }

  @Test
  void currentSchemasAreRecordedInHistory() {
    for (Schema current : CATALOG.current()) {
      List<SchemaCatalog.Version> versions = CATALOG.history().stream()
          .filter(v -> v.name().equals(current.getName()))
          .toList();
      boolean recorded = !versions.isEmpty()
          && fingerprint(versions.get(versions.size() - 1).schema()) == fingerprint(current);
      if (!recorded) {
        // Once bytes of this version are in Kafka, later builds must still be able to resolve its fingerprint.
        fail(current.getName() + " changed: save it as src/main/resources/io/plantspy/schemas/"
            + SchemaCatalog.historyResource(current.getName(), versions.size() + 1)
            + " (or overwrite the latest version if that one never shipped). Its content, where the"
            + " Java-only avro.java.string properties may be dropped:\n"
            + SchemaFormatter.format("json/pretty", current));
      }
    }
  }

  @Test
  void everyEnumHasADefault() {
    // Without one, a reader built before a symbol was added fails on the first record that carries it.
    List<String> missing = new ArrayList<>();
    CATALOG.current().forEach(schema -> collectEnumsWithoutDefault(schema, new HashSet<>(), missing));
    assertThat(missing).as("enums without a default symbol").isEmpty();
  }

  private static void collectEnumsWithoutDefault(Schema schema, Set<String> seen, List<String> missing) {
    switch (schema.getType()) {
      case ENUM -> {
        if (seen.add(schema.getFullName()) && schema.getEnumDefault() == null) {
          missing.add(schema.getFullName());
        }
      }
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          schema.getFields().forEach(f -> collectEnumsWithoutDefault(f.schema(), seen, missing));
        }
      }
      case ARRAY -> collectEnumsWithoutDefault(schema.getElementType(), seen, missing);
      case MAP -> collectEnumsWithoutDefault(schema.getValueType(), seen, missing);
      case UNION -> schema.getTypes().forEach(t -> collectEnumsWithoutDefault(t, seen, missing));
      default -> { }
    }
  }

  @Test
  void everyHistoryFileIsLoaded() throws IOException, URISyntaxException {
    // The catalog probes v1, v2, ... per type; a gap or a misspelt file would be skipped silently otherwise.
    Path folder = Path.of(SchemaCatalog.class.getResource(SchemaCatalog.HISTORY_FOLDER).toURI());
    try (Stream<Path> files = Files.list(folder)) {
      List<String> expected = files.map(f -> SchemaCatalog.HISTORY_FOLDER + "/" + f.getFileName()).toList();
      List<String> loaded = CATALOG.history().stream()
          .map(v -> SchemaCatalog.historyResource(v.name(), v.version()))
          .toList();
      assertThat(loaded).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void catalogResolvesEveryShippedFingerprint() {
    Stream.concat(CATALOG.history().stream().map(SchemaCatalog.Version::schema), CATALOG.current().stream())
        .forEach(schema -> assertThat(CATALOG.findByFingerprint(fingerprint(schema)))
            .as(schema.getFullName())
            .isNotNull());
  }

  private static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /** A schema with a readable name for the parameterized test's display name. */
  record Labelled(String label, Schema schema) {
    @Override
    public String toString() {
      return label;
    }
  }
}
