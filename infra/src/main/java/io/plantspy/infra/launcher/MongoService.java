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
    Readiness.await(mongo, READY_TIMEOUT, () -> {
      try (MongoClient client = client(uri(settings))) {
        return client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok") != null;
      }
    });
  }

  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  MongoDB           " + uri(context.settings()) + "/plantspy");
  }

  /** The connection string of the platform's MongoDB, without a database. */
  static String uri(PlatformSettings settings) {
    return "mongodb://" + settings.address(PORT);
  }

  static MongoClient client(String uri) {
    return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(3, TimeUnit.SECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS)).build());
  }
}
