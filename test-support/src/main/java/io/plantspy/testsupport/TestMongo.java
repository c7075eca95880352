package io.plantspy.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * One in-memory MongoDB (mongo-java-server) per test JVM, on a random port, shared by every context and by the
 * store tests, each of which takes a database of its own. Blocking and reactive templates each use the one client
 * of their driver, created on first use, so a service needs only the driver it has.
 */
public final class TestMongo {

  private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
  private static final String ADDRESS;

  static {
    SERVER.bind("127.0.0.1", 0);
    ADDRESS = "mongodb://127.0.0.1:" + SERVER.getLocalAddress().getPort();
  }

  private TestMongo() {}

  /** The URI of the {@code plantspy} database, for an application context. */
  public static String uri() {
    return ADDRESS + "/plantspy";
  }

  /** The URI of a new, empty database named {@code prefix-<random>}, for an application context. */
  public static String freshUri(String prefix) {
    return ADDRESS + "/" + name(prefix);
  }

  /** A blocking template on a new, empty database named {@code prefix-<random>}. */
  public static MongoTemplate freshDatabase(String prefix) {
    return new MongoTemplate(Blocking.CLIENT, name(prefix));
  }

  /** A reactive template on a new, empty database named {@code prefix-<random>}. */
  public static ReactiveMongoTemplate freshReactiveDatabase(String prefix) {
    return new ReactiveMongoTemplate(Reactive.CLIENT, name(prefix));
  }

  private static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  // Holders, so that loading one driver's client never needs the other driver on the class path.
  private static final class Blocking {
    static final com.mongodb.client.MongoClient CLIENT = com.mongodb.client.MongoClients.create(ADDRESS);
  }

  private static final class Reactive {
    static final com.mongodb.reactivestreams.client.MongoClient CLIENT =
        com.mongodb.reactivestreams.client.MongoClients.create(ADDRESS);
  }
}
