package io.plantspy.webhooks;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;

/** One in-memory MongoDB (mongo-java-server) per test JVM; each context takes a database of its own. */
public final class TestMongo {

  private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
  private static final String ADDRESS;

  static {
    SERVER.bind("127.0.0.1", 0);
    ADDRESS = "mongodb://127.0.0.1:" + SERVER.getLocalAddress().getPort();
  }

  private TestMongo() {}

  /** The URI of a new, empty database. */
  public static String freshDatabase() {
    return ADDRESS + "/webhooks-" + UUID.randomUUID();
  }
}
