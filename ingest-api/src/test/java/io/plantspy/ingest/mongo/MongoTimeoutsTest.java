package io.plantspy.ingest.mongo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class MongoTimeoutsTest {

  @Test
  void aDatabaseThatNeverAnswersFailsTheCallInsteadOfHangingIt() throws Exception {
    try (BlackHole silent = new BlackHole()) {
      MongoClientSettings.Builder builder = MongoClientSettings.builder()
          .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + silent.port() + "/plantspy"));
      new MongoTimeouts().boundedMongoCalls(new MongoTimeoutProperties(Duration.ofMillis(500), Duration.ofSeconds(1)))
          .customize(builder);
      try (MongoClient client = MongoClients.create(builder.build())) {
        Mono<Document> find = Mono.from(client.getDatabase("plantspy").getCollection("diagnoses").find().first());
        // block() gives up after 20 s, below the driver's default server selection timeout (30 s): only the 1 s
        // bound under test makes the driver fail first (with a MongoException, not block()'s IllegalStateException).
        assertThatThrownBy(() -> find.block(Duration.ofSeconds(20))).isInstanceOf(MongoException.class);
      }
    }
  }

  @Test
  void rejectsNonPositiveTimeouts() {
    assertThatThrownBy(() -> new MongoTimeoutProperties(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A TCP server that accepts connections and never writes a byte. */
  private static final class BlackHole implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new ArrayList<>();

    BlackHole() throws IOException {
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket socket = server.accept();
            synchronized (accepted) {
              accepted.add(socket);
            }
          } catch (IOException closed) {
            return;
          }
        }
      }, "black-hole-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      synchronized (accepted) {
        for (Socket socket : accepted) {
          socket.close();
        }
      }
    }
  }
}
