package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Distinct free local ports: all sockets stay open until every port is chosen, so none is handed out twice. */
final class FreePorts {

  private FreePorts() {}

  static PlatformSettings.Ports forPlatform() throws IOException {
    int[] p = take(6);
    return new PlatformSettings.Ports(p[0], p[1], p[2], p[3], p[4], p[5]);
  }

  static int[] take(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
