package io.plantspy.infra.launcher;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/** The platform's MongoDB: {@link MongoServerMain} in its own JVM, ready once it answers a ping. */
final class MongoService implements PlatformService {

  static final NamedPort PORT = new NamedPort("mongo", 27017);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final String NAME = "mongo";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String key() {
    return NAME;
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(PORT);
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException {
    PlatformSettings settings = context.settings();
    StateFolder state = context.state();
    // The H2 backend serialises every document write: a roomier heap keeps its garbage collection small.
    return ChildProcess.start(NAME, JavaCommand.of(JavaCommand.options("-Xmx512m", JavaCommand.THROUGHPUT_GC),
            MongoServerMain.class.getName(),
            List.of(settings.host(), String.valueOf(settings.port(PORT)), state.mongoFile().toString())),
        state.root(), state.log(NAME), Map.of());
  }

  @Override
  public void awaitReady(ChildProcess mongo, ServiceContext context) throws ServiceFailedException {
    PlatformSettings settings = context.settings();
    // TCP first: the driver's own retries would otherwise hide a dead port behind its server-selection timeout.
    Readiness.await(mongo, READY_TIMEOUT, () -> Readiness.listening(settings.host(), settings.port(PORT)));
    Readiness.await(mongo, READY_TIMEOUT, () -> ping(uri(settings)));
  }

  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  MongoDB           " + databaseUri(context.settings()));
  }

  /** The connection string of the platform's MongoDB, or of the one it was given, without a database. */
  static String uri(PlatformSettings settings) {
    return settings.external().mongodb().orElseGet(() -> "mongodb://" + settings.address(PORT));
  }

  /** That connection string naming the services' database, {@code plantspy}, with its options kept. */
  static String databaseUri(PlatformSettings settings) {
    return withDatabase(uri(settings), "plantspy");
  }

  /** {@code mongodb://h:1/?replicaSet=rs0} with database {@code d}: {@code mongodb://h:1/d?replicaSet=rs0}. */
  static String withDatabase(String uri, String database) {
    int query = uri.indexOf('?');
    String hosts = query < 0 ? uri : uri.substring(0, query);
    String options = query < 0 ? "" : uri.substring(query);
    int path = hosts.indexOf('/', hosts.indexOf("://") + 3);
    return (path < 0 ? hosts : hosts.substring(0, path)) + "/" + database + options;
  }

  /** Waits until a MongoDB that runs elsewhere answers a ping. */
  static void awaitExternal(String uri, java.util.function.Consumer<String> out) throws ServiceFailedException {
    out.accept("using the MongoDB at " + new ConnectionString(uri).getHosts());
    Readiness.awaitExternal(NAME, READY_TIMEOUT, () -> ping(uri));
  }

  private static boolean ping(String uri) {
    try (MongoClient client = client(uri)) {
      return client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok") != null;
    }
  }

  static MongoClient client(String uri) {
    return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(3, TimeUnit.SECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS)).build());
  }
}
