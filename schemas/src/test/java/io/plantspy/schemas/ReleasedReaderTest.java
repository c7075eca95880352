package io.plantspy.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.apache.avro.compiler.specific.SpecificCompiler;
import org.apache.avro.compiler.specific.SpecificCompiler.FieldVisibility;
import org.apache.avro.generic.GenericData.StringType;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader that is deployed when this version's writers roll out, reading their bytes: the schemas module as
 * released at {@link #RELEASE} (its .avsc files, Java sources and history, copied verbatim from git by
 * {@code src/test/released/snapshot.sh}), built here the way its own build did (Avro's SpecificCompiler with the
 * plugin's settings, then javac) and loaded in a class loader that cannot see this version's classes or history.
 * It reads as it is deployed: its catalog backed by the schema topic, holding what this version's writer published
 * there before its first record ({@code src/test/released-fixture}, compiled with the release).
 *
 * <p>It fails when a schema change would make the deployed readers drop or dead-letter the new writers' records
 * (a new fingerprint they cannot resolve, an incompatible change): such a change needs readers that can resolve
 * it (shipped, or through the schema topic) deployed first. When a release ships, snapshot it and move RELEASE on.
 */
class ReleasedReaderTest {

  /**
   * The release deployed before this version: the last commit before the one-off callback URL (DiagnosisRequest
   * v4, DiagnosisResult v2). The one before it (4cef72f, before the schema topic) could not resolve a new
   * fingerprint at all; it is in git history.
   */
  static final String RELEASE = "02b2ce5";

  private static final String TOPIC = "plantspy.test";
  private static final List<Path> LIBRARIES = libraries();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path build;
  private static URLClassLoader released;

  @BeforeAll
  static void buildReleasedSchemasModule() throws Exception {
    Path sources = Path.of("src/test/released", RELEASE).toAbsolutePath();
    build = Files.createTempDirectory("plantspy-schemas-" + RELEASE);
    Path generated = Files.createDirectories(build.resolve("generated"));
    Path classes = Files.createDirectories(build.resolve("classes"));

    // As the release's avro-maven-plugin configuration did: one parser for all files, String strings, private fields.
    SchemaParser parser = new SchemaParser();
    for (Path avsc : files(sources.resolve("avro"), ".avsc")) {
      parser.parse(avsc);
    }
    SpecificCompiler compiler = new SpecificCompiler(parser.getParsedNamedSchemas());
    compiler.setStringType(StringType.String);
    compiler.setFieldVisibility(FieldVisibility.PRIVATE);
    compiler.compileToDestination(null, generated.toFile());

    String libraries = String.join(File.pathSeparator, LIBRARIES.stream().map(Path::toString).toList());
    List<String> javacArgs = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", libraries,
        "-proc:none", "-nowarn", "--release", "17"));
    Stream.of(files(sources.resolve("java"), ".java"), files(generated, ".java"),
            files(Path.of("src/test/released-fixture").toAbsolutePath(), ".java"))
        .flatMap(List::stream)
        .map(Path::toString)
        .forEach(javacArgs::add);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, javacArgs.toArray(String[]::new))).as("javac of release " + RELEASE)
        .isZero();

    // Its own copy of every library too, above only the JDK: Avro finds generated classes through its own class
    // loader, which must be the one that holds the released classes and nothing of this version.
    List<URL> classpath = new ArrayList<>(
        List.of(classes.toUri().toURL(), sources.resolve("resources").toUri().toURL()));
    for (Path library : LIBRARIES) {
      classpath.add(library.toUri().toURL());
    }
    released = new URLClassLoader("plantspy-schemas-" + RELEASE, classpath.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader());
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (released != null) {
      released.close();
    }
    if (build != null) {
      try (Stream<Path> paths = Files.walk(build)) {
        paths.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  static Stream<Arguments> newWriterRecords() {
    // The generated builders need Avro's class trust, which this version's SchemaCatalog sets up when loaded.
    SchemaCatalog.load();
    return Stream.of(
        Arguments.of("requests", Samples.inlineRequest()),
        Arguments.of("requests", Samples.referencedRequest()),
        Arguments.of("results", Samples.diagnosedResult()),
        Arguments.of("results", Samples.failedResult()),
        Arguments.of("modelReleases", Samples.modelRelease()),
        Arguments.of("labSamples", Samples.labSample()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("newWriterRecords")
  void releasedReaderReadsWhatThisVersionWrites(String topic, SpecificRecord record) throws Exception {
    MockProducer<String, String> schemaTopic =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    byte[] bytes = newWriter(topic, schemaTopic).serialize(TOPIC, record);

    Object read = releasedRead(topic, bytes, schemaTopic.history().stream()
        .map(published -> new String[] {published.key(), published.value()}).toList());

    assertThat(read.getClass().getClassLoader()).as("decoded by the released classes").isSameAs(released);
    assertThat(read.getClass().getName()).isEqualTo(record.getClass().getName());
    // Avro's JSON rendering of every field the release knows (as a tree: map entries come in no set order) is the
    // same when the released reader saw every value this writer wrote; fields added since are the release's to skip.
    JsonNode written = JSON.readTree(record.toString());
    JsonNode seen = JSON.readTree(read.toString());
    List<String> known = new ArrayList<>();
    seen.fieldNames().forEachRemaining(known::add);
    ((ObjectNode) written).retain(known);
    assertThat(seen).isEqualTo(written);
  }

  /** This version's serializer, as deployed: it publishes its schema to {@code schemaTopic} first. */
  @SuppressWarnings("unchecked")
  private static Serializer<Object> newWriter(String topic, MockProducer<String, String> schemaTopic)
      throws ReflectiveOperationException {
    SchemaTopic schemas = new SchemaTopic(SchemaTopic.DEFAULT_NAME, schemaTopic, new MockConsumer<>("earliest"),
        Duration.ofSeconds(5));
    Topics topics = Topics.from(TopicNames.defaults(), SchemaCatalog.load(schemas));
    Topic<String, ?> descriptor = (Topic<String, ?>) Topics.class.getMethod(topic).invoke(topics);
    return (Serializer<Object>) descriptor.valueSerde().serializer();
  }

  /** Decodes {@code bytes} with the released reader ({@code ReleasedDeployment}), by reflection across loaders. */
  private static Object releasedRead(String topic, byte[] bytes, List<String[]> schemaRecords) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(released);
    try {
      return released.loadClass("io.plantspy.schemas.ReleasedDeployment")
          .getMethod("read", String.class, byte[].class, List.class)
          .invoke(null, topic, bytes, schemaRecords);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * The jars the release was built and runs with, taken from this JVM's classpath: Avro and its runtime
   * dependencies, the Kafka client API. The versions are this build's; the release used the same ones.
   */
  private static List<Path> libraries() {
    return Stream.of(Schema.class, Serde.class, com.fasterxml.jackson.databind.JsonNode.class,
            com.fasterxml.jackson.core.JsonParser.class, com.fasterxml.jackson.annotation.JsonProperty.class,
            org.slf4j.Logger.class)
        .map(ReleasedReaderTest::location)
        .distinct()
        .toList();
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> files(Path folder, String suffix) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
