package io.plantspy.trainerservice;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** One in-memory MongoDB (mongo-java-server) per test JVM on a random port; each test takes a database of its own. */
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

  /** The URI of a new database, for an application context. */
  public static String freshUri(String prefix) {
    return ADDRESS + "/" + prefix + "-" + UUID.randomUUID();
  }

  public static MongoTemplate freshDatabase(String prefix) {
    return new MongoTemplate(CLIENT, prefix + "-" + UUID.randomUUID());
  }
}
