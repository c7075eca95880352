package io.plantspy.ingest;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * One in-memory MongoDB (mongo-java-server) per test JVM, on a random port, shared by every context and by the
 * store tests, each of which takes a database of its own.
 */
public final class TestMongo {

  private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
  private static final String ADDRESS;
  private static final MongoClient CLIENT;

  static {
    SERVER.bind("127.0.0.1", 0);
    InetSocketAddress address = SERVER.getLocalAddress();
    ADDRESS = "mongodb://127.0.0.1:" + address.getPort();
    CLIENT = MongoClients.create(ADDRESS);
  }

  private TestMongo() {}

  /** The URI of the {@code plantspy} database, for an application context. */
  public static String uri() {
    return ADDRESS + "/plantspy";
  }

  /** A template on a new, empty database named {@code prefix-<random>}. */
  public static ReactiveMongoTemplate freshDatabase(String prefix) {
    return new ReactiveMongoTemplate(CLIENT, prefix + "-" + UUID.randomUUID());
  }
}
