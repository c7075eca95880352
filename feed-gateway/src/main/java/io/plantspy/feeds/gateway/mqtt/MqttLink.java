package io.plantspy.feeds.gateway.mqtt;

import io.plantspy.feeds.devices.FeedTopics;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's MQTT client. On every (re)connect it subscribes {@code $share/<group>/dt/plantspy/+/+/image} at QoS 1;
 * Paho acknowledges a frame once {@link FrameHandler#onFrame} returns. Publishes to devices are QoS 1 and
 * asynchronous. The first connect is retried until it succeeds, later drops are reconnected by Paho.
 */
@Component
public class MqttLink implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MqttLink.class);

  private final MqttProperties properties;
  private final FrameHandler frames;
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private volatile MqttAsyncClient client;
  private volatile Thread connector;

  public MqttLink(MqttProperties properties, FrameHandler frames) {
    this.properties = properties;
    this.frames = frames;
  }

  /** Whether the frame subscription is active now. */
  public boolean subscribed() {
    return subscribed.get() && client != null && client.isConnected();
  }

  /** Publishes {@code payload} at QoS 1 without waiting; a failure is logged (the device gets no answer then). */
  public void publish(String topic, byte[] payload) {
    try {
      client.publish(topic, payload, 1, false, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {}

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          log.warn("Could not publish to {}: {}", topic, e.toString());
        }
      });
    } catch (MqttException | RuntimeException e) {
      log.warn("Could not publish to {}: {}", topic, e.toString());
    }
  }

  @Override
  public void start() {
    try {
      client = new MqttAsyncClient(properties.url().toString(),
          properties.username() + "-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalStateException("bad MQTT broker URL " + properties.url(), e);
    }
    client.setCallback(new Callback());
    connector = new Thread(this::connectUntilDone, "mqtt-connect");
    connector.setDaemon(true);
    connector.start();
  }

  private void connectUntilDone() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(properties.username());
    options.setPassword(properties.password().toCharArray());
    options.setAutomaticReconnect(true);
    options.setCleanSession(true);
    options.setMaxInflight(properties.maxInflight());
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        client.connect(options).waitForCompletion();
        return;
      } catch (MqttException e) {
        log.warn("MQTT broker {} not reached ({}); retrying in {}", properties.url(), e.getMessage(),
            properties.reconnectInterval());
        try {
          Thread.sleep(properties.reconnectInterval().toMillis());
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    if (connector != null) {
      connector.interrupt();
    }
    if (client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(5_000);
      }
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT client closed with {}", e.toString());
    }
    client = null;
  }

  @Override
  public boolean isRunning() {
    return client != null;
  }

  private final class Callback implements MqttCallbackExtended {

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      String filter = "$share/" + properties.sharedGroup() + "/" + FeedTopics.ALL_IMAGES;
      try {
        // Asynchronous: waiting for the SUBACK on Paho's callback thread would block the thread that delivers it.
        client.subscribe(filter, 1, null, new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            int granted = token.getGrantedQos()[0];
            subscribed.set(granted != 0x80);
            log.info("Subscribed to {} on {} (granted QoS {})", filter, serverUri, granted);
          }

          @Override
          public void onFailure(IMqttToken token, Throwable e) {
            log.warn("Subscription to {} failed: {}", filter, e.toString());
          }
        });
      } catch (MqttException e) {
        log.warn("Subscription to {} failed: {}", filter, e.toString());
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      subscribed.set(false);
      log.warn("MQTT connection lost ({}); reconnecting", cause.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      frames.onFrame(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
