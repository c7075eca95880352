package io.plantspy.infra.launcher;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** One simulated camera: an MQTT 3.1.1 client with its device credentials that counts acks and answers. */
final class SimulatedCamera implements AutoCloseable {

  final String id;
  final String farm;
  final AtomicLong sent = new AtomicLong();
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong answered = new AtomicLong();
  private final MqttAsyncClient client;

  SimulatedCamera(String brokerUrl, String id, String password, String farm) throws MqttException {
    this.id = id;
    this.farm = farm;
    client = new MqttAsyncClient(brokerUrl, id, new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        answered.incrementAndGet();
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        accepted.incrementAndGet();
      }
    });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(id);
    options.setPassword(password.toCharArray());
    options.setMaxInflight(1000);
    client.connect(options).waitForCompletion(10_000);
    client.subscribe("dt/plantspy/" + farm + "/" + id + "/diagnosis", 1).waitForCompletion(10_000);
  }

  /** Sends a frame at QoS 1 without waiting; the broker's ack counts it as accepted. */
  void send(byte[] payload) {
    try {
      client.publish("dt/plantspy/" + farm + "/" + id + "/image", payload, 1, false);
      sent.incrementAndGet();
    } catch (MqttException e) {
      // Too many in flight or disconnected: the frame is not sent, which the sent/accepted counts show.
    }
  }

  @Override
  public void close() {
    try {
      client.disconnect().waitForCompletion(5_000);
    } catch (MqttException e) {
      // Closing anyway.
    }
    try {
      client.close();
    } catch (MqttException e) {
      // Nothing more to release.
    }
  }
}
