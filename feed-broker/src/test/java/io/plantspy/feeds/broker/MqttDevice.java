package io.plantspy.feeds.broker;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A real MQTT 3.1.1 client (Paho) that queues what it receives and notes when the broker drops it. */
final class MqttDevice implements AutoCloseable {

  final MqttClient client;
  final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  volatile Throwable lost;

  MqttDevice(int port, String clientId, String username, String password) throws MqttException {
    client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        lost = cause;
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        received.add(topic + " " + new String(message.getPayload()));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(username);
    options.setPassword(password.toCharArray());
    options.setAutomaticReconnect(false);
    options.setCleanSession(true);
    client.connect(options);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
