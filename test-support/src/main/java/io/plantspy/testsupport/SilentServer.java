package io.plantspy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback server that accepts connections and never answers: a stalled JWKS, image host or any peer. */
public final class SilentServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  public SilentServer(String name) {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          held.add(socket.accept());
        } catch (IOException e) {
          return;
        }
      }
    }, name);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : held) {
      s.close();
    }
  }
}
