package io.plantspy.ingest;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One in-memory MongoDB (mongo-java-server) per test JVM, on a random port, shared by every context. */
final class TestMongo {

  private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
  private static final String URI;

  static {
    SERVER.bind("127.0.0.1", 0);
    InetSocketAddress address = SERVER.getLocalAddress();
    URI = "mongodb://127.0.0.1:" + address.getPort() + "/plantspy";
  }

  private TestMongo() {}

  static String uri() {
    return URI;
  }
}
