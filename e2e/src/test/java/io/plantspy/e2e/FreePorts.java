package io.plantspy.e2e;

import io.plantspy.infra.launcher.NamedPort;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Distinct free local ports: all sockets stay open until every port is chosen, so none is handed out twice. */
final class FreePorts {

  private FreePorts() {}

  /** A free port for each of {@code ports}, by key. */
  static Map<String, Integer> forEach(List<NamedPort> ports) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      Map<String, Integer> chosen = new LinkedHashMap<>();
      for (NamedPort port : ports) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        chosen.put(port.key(), socket.getLocalPort());
      }
      return chosen;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
