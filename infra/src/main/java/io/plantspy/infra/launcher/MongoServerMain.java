package io.plantspy.infra.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The platform's MongoDB: mongo-java-server with its H2 backend, in its own JVM so it outlives a detached
 * launcher. Usage: {@code MongoServerMain HOST PORT FILE}. Stops (and flushes the file) on SIGTERM.
 */
public final class MongoServerMain {

  private MongoServerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: MongoServerMain HOST PORT FILE");
      System.exit(2);
    }
    Path file = Path.of(args[2]).toAbsolutePath();
    Files.createDirectories(file.getParent());
    MongoServer server = new MongoServer(new H2Backend(file.toString()));
    server.bind(args[0], Integer.parseInt(args[1]));
    System.out.println("mongo-java-server listening on " + args[0] + ":" + args[1] + ", data in " + file);
    CountDownLatch stopped = new CountDownLatch(1);
    // shutdown() closes the backend, which commits the H2 store: without it the last writes would be lost.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      System.out.println("mongo-java-server stopped");
      stopped.countDown();
    }, "mongo-shutdown"));
    stopped.await();
  }
}
