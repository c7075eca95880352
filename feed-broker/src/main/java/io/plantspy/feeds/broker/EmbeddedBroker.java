package io.plantspy.feeds.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * HiveMQ CE running in this process with one embedded extension: {@link FeedAuthenticator} for every connect and a
 * lifecycle listener that keeps {@link ConnectedDevices} current. Sessions and retained messages live in memory:
 * a device reconnects after a restart and frames are samples, so nothing needs to survive one.
 */
@Component
public class EmbeddedBroker implements SmartLifecycle {

  private final BrokerProperties properties;
  private final DeviceDirectory directory;
  private final ConnectedDevices connected;
  private EmbeddedHiveMQ hivemq;
  private Path folder;

  public EmbeddedBroker(BrokerProperties properties, DeviceDirectory directory, ConnectedDevices connected) {
    this.properties = properties;
    this.directory = directory;
    this.connected = connected;
  }

  @Override
  public void start() {
    try {
      folder = Files.createTempDirectory("plantspy-broker");
      Files.writeString(folder.resolve("config.xml"), config());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    hivemq = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(folder)
        .withDataFolder(folder.resolve("data"))
        .withExtensionsFolder(folder.resolve("extensions"))
        .withEmbeddedExtension(EmbeddedExtension.builder().withId("plantspy-devices").withName("PlantSpy devices")
            .withVersion("1").withAuthor("PlantSpy").withPriority(1000).withStartPriority(1000)
            .withExtensionMain(new Extension()).build())
        .build();
    hivemq.start().join();
  }

  @Override
  public void stop() {
    if (hivemq != null) {
      hivemq.stop().join();
      try {
        hivemq.close();
      } catch (Exception e) {
        // Closing after a clean stop only releases the injector; nothing is left to do about a failure here.
      }
      hivemq = null;
      FileSystemUtils.deleteRecursively(folder.toFile());
    }
  }

  @Override
  public boolean isRunning() {
    return hivemq != null;
  }

  @Override
  public int getPhase() {
    // Before the revocation sweep (default phase) on start, after it on stop.
    return DEFAULT_PHASE - 1;
  }

  private String config() {
    // Anonymous usage statistics are on by default and would call out: off. No WebSocket listener.
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
          </listeners>
          <mqtt>
            <packets><max-packet-size>%d</max-packet-size></packets>
            <shared-subscriptions><enabled>true</enabled></shared-subscriptions>
          </mqtt>
          <persistence><mode>in-memory</mode></persistence>
          <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
        </hivemq>
        """.formatted(properties.port(), properties.bindAddress(), properties.maxPacketSize().toBytes());
  }

  private final class Extension implements ExtensionMain {

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
      FeedAuthenticator authenticator = new FeedAuthenticator(properties, directory, connected);
      Services.securityRegistry().setAuthenticatorProvider(in -> authenticator);
      Services.eventRegistry().setClientLifecycleEventListener(in -> new ClientLifecycleEventListener() {
        @Override
        public void onMqttConnectionStart(ConnectionStartInput start) {}

        @Override
        public void onAuthenticationSuccessful(AuthenticationSuccessfulInput success) {}

        @Override
        public void onDisconnect(DisconnectEventInput disconnect) {
          connected.disconnected(disconnect.getClientInformation().getClientId());
        }
      });
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
  }
}
