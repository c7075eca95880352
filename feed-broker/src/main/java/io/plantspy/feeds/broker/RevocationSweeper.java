package io.plantspy.feeds.broker;

import com.hivemq.extension.sdk.api.services.Services;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Disconnects connected devices whose registration was deleted, every {@code plantspy.broker.revocation-check}:
 * the registry is the gateway's MongoDB collection, which the broker cannot be told about, so it asks. A revoked
 * device cannot come back: every connect reads the registry.
 */
@Component
public class RevocationSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RevocationSweeper.class);

  private final BrokerProperties properties;
  private final DeviceDirectory directory;
  private final ConnectedDevices connected;
  private ScheduledExecutorService executor;

  public RevocationSweeper(BrokerProperties properties, DeviceDirectory directory, ConnectedDevices connected) {
    this.properties = properties;
    this.directory = directory;
    this.connected = connected;
  }

  void sweep() {
    Set<String> ids = connected.snapshot();
    if (ids.isEmpty()) {
      return;
    }
    try {
      Set<String> registered = directory.stillRegistered(ids);
      for (String id : ids) {
        if (!registered.contains(id)) {
          log.info("Device {} was revoked: disconnecting it", id);
          Services.clientService().disconnectClient(id);
          connected.disconnected(id);
        }
      }
    } catch (RuntimeException e) {
      log.warn("Revocation check failed; retried next interval: {}", e.toString());
    }
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "revocation-sweeper"));
    long millis = properties.revocationCheck().toMillis();
    executor.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    executor.shutdownNow();
    executor = null;
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
