package io.plantspy.infra.launcher;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/** Starts {@link MongoServerMain} in its own JVM and waits until it answers a ping. */
final class MongoService {

  static final String NAME = "mongo";

  private MongoService() {}

  static ChildProcess start(PlatformSettings settings, StateFolder state) throws IOException {
    // The H2 backend serialises every document write: a roomier heap keeps its garbage collection small.
    return ChildProcess.start(NAME, JavaCommand.of(JavaCommand.options("-Xmx512m", JavaCommand.THROUGHPUT_GC),
            MongoServerMain.class.getName(),
            List.of(settings.host(), String.valueOf(settings.ports().mongo()), state.mongoFile().toString())),
        state.root(), state.log(NAME), Map.of());
  }

  static void awaitReady(ChildProcess mongo, PlatformSettings settings) throws ServiceFailedException {
    // TCP first: the driver's own retries would otherwise hide a dead port behind its server-selection timeout.
    Readiness.await(mongo, settings.timeouts().mongo(),
        () -> Readiness.listening(settings.host(), settings.ports().mongo()));
    Readiness.await(mongo, settings.timeouts().mongo(), () -> {
      try (MongoClient client = client(settings.mongoUri())) {
        return client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok") != null;
      }
    });
  }

  static MongoClient client(String uri) {
    return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(3, TimeUnit.SECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS)).build());
  }
}
