package io.plantspy.feeds.gateway;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A camera device as a real MQTT 3.1.1 client (Paho), with the credentials the registry answered. */
final class Camera implements AutoCloseable {

  final String id;
  final String farm;
  final MqttClient client;
  final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  /** When each answer arrived ({@link System#nanoTime}), in the order of {@link #answers}. */
  final BlockingQueue<Long> answeredAt = new LinkedBlockingQueue<>();
  volatile long lastAnswer;

  Camera(int port, Map<String, Object> registered) throws MqttException {
    this(port, (String) registered.get("mqttUsername"), (String) registered.get("mqttPassword"),
        (String) ((Map<?, ?>) registered.get("device")).get("farm"));
  }

  Camera(int port, String id, String password, String farm) throws MqttException {
    this.id = id;
    this.farm = farm;
    client = new MqttClient("tcp://127.0.0.1:" + port, id, new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        lastAnswer = System.nanoTime();
        answeredAt.add(lastAnswer);
        answers.add(new String(message.getPayload()));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(id);
    options.setPassword(password.toCharArray());
    options.setMaxInflight(100);
    client.connect(options);
  }

  void listen() throws MqttException {
    client.subscribe("dt/plantspy/" + farm + "/" + id + "/diagnosis", 1);
  }

  void send(byte[] payload) throws MqttException {
    client.publish("dt/plantspy/" + farm + "/" + id + "/image", payload, 1, false);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
