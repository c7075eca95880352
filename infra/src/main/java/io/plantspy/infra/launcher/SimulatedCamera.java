package io.plantspy.infra.launcher;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated camera: an MQTT 3.1.1 client with its device credentials that counts acks and answers, and times
 * each answer from its frame's publish (answers name their {@code frameId}).
 */
final class SimulatedCamera implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  final String id;
  final String farm;
  final AtomicLong sent = new AtomicLong();
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong answered = new AtomicLong();
  private final MqttAsyncClient client;
  private final FeedAnswers answers;
  /** Publish time (nanoTime) by frame id; frames the gateway throttles are never answered and stay here. */
  private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();

  SimulatedCamera(String brokerUrl, String id, String password, String farm, FeedAnswers answers)
      throws MqttException {
    this.id = id;
    this.farm = farm;
    this.answers = answers;
    client = new MqttAsyncClient(brokerUrl, id, new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        long now = System.nanoTime();
        answered.incrementAndGet();
        JsonNode answer;
        try {
          answer = JSON.readTree(message.getPayload());
        } catch (RuntimeException e) {
          // Counted as answered, but without a frame id or class: an exception here would drop the connection.
          answer = JSON.createObjectNode().put("error", "unreadable answer");
        }
        Long published = publishedAt.remove(answer.path("frameId").asString(""));
        answers.record(answer, published == null ? -1 : now - published);
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
  void send(String frameId, byte[] payload) {
    try {
      publishedAt.put(frameId, System.nanoTime());
      client.publish("dt/plantspy/" + farm + "/" + id + "/image", payload, 1, false);
      sent.incrementAndGet();
    } catch (MqttException e) {
      // Too many in flight or disconnected: the frame is not sent, which the sent/accepted counts show.
      publishedAt.remove(frameId);
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
