package io.plantspy.feeds.broker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The device ids connected now (client id = device id), for the revocation sweep. */
@Component
public class ConnectedDevices {

  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  void connected(String deviceId) {
    ids.add(deviceId);
  }

  void disconnected(String deviceId) {
    ids.remove(deviceId);
  }

  Set<String> snapshot() {
    return Set.copyOf(ids);
  }
}
