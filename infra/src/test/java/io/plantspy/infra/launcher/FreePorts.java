package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Distinct free local ports: all sockets stay open until every port is chosen, so none is handed out twice. */
final class FreePorts {

  private FreePorts() {}

  /** A free port for every port of every service. */
  static PlatformSettings.Ports forPlatform() throws IOException {
    List<NamedPort> declared = Services.ports();
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (NamedPort port : declared) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports.put(port.key(), socket.getLocalPort());
      }
      return PlatformSettings.Ports.with(ports);
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
