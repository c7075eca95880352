package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

/**
 * The addresses of this machine other than loopback, to show that a service listens on loopback only. Only ever
 * connects to addresses of this machine, never to another host.
 */
public final class ThisMachine {

  private ThisMachine() {}

  /** An IPv4 address of an up, non-loopback interface of this machine; empty on a machine with none. */
  public static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(ThisMachine::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
  }

  /** Whether something accepts TCP connections on {@code address:port}. */
  public static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static boolean isUp(NetworkInterface networkInterface) {
    try {
      return networkInterface.isUp() && !networkInterface.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
