package io.plantspy.feeds.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.plantspy.feeds.devices.DeviceFields;
import io.plantspy.feeds.devices.DeviceSecrets;
import io.plantspy.testsupport.TestMongo;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The broker process as started in production, on an in-memory MongoDB, with real MQTT clients. */
class BrokerAuthIT {

  private static ConfigurableApplicationContext broker;
  private static MongoTemplate mongo;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String uri = TestMongo.freshUri("broker");
    mongo = new MongoTemplate(com.mongodb.client.MongoClients.create(uri), uri.substring(uri.lastIndexOf('/') + 1));
    broker = FeedBrokerApplication.builder().run(
        "--spring.mongodb.uri=" + uri, "--plantspy.broker.port=" + port,
        "--plantspy.broker.gateway-password=gw-secret", "--plantspy.broker.revocation-check=200ms");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void aDeviceReachesTheGatewayOnlyThroughItsOwnTopic() throws Exception {
    String password = register("d-a1", "farm-1");
    register("d-b1", "farm-1");
    try (MqttDevice gateway = new MqttDevice(port, "feed-gateway-1", "feed-gateway", "gw-secret");
        MqttDevice device = new MqttDevice(port, "d-a1", "d-a1", password)) {
      gateway.client.subscribe("$share/gw/dt/plantspy/+/+/image", 1);

      device.client.publish("dt/plantspy/farm-1/d-a1/image", "mine".getBytes(), 1, false);
      assertThat(gateway.received.poll(10, TimeUnit.SECONDS)).isEqualTo("dt/plantspy/farm-1/d-a1/image mine");

      // Publishing as another device is refused: on MQTT 3.1.1 the broker closes the connection.
      // Paho waits for the PUBACK at QoS 1 and reports the lost connection instead.
      assertThatThrownBy(() -> device.client.publish("dt/plantspy/farm-1/d-b1/image", "forged".getBytes(), 1, false))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(10)).until(() -> !device.client.isConnected());
      assertThat(gateway.received.poll(1, TimeUnit.SECONDS)).isNull();
    }
  }

  @Test
  void aDeviceMaySubscribeOnlyToItsOwnDiagnoses() throws Exception {
    String password = register("d-c1", "farm-2");
    try (MqttDevice gateway = new MqttDevice(port, "feed-gateway-2", "feed-gateway", "gw-secret");
        MqttDevice device = new MqttDevice(port, "d-c1", "d-c1", password)) {
      assertThatThrownBy(() -> device.client.subscribe("dt/plantspy/farm-2/d-other/diagnosis", 1))
          .isInstanceOf(MqttException.class);
      assertThatThrownBy(() -> device.client.subscribe("dt/plantspy/+/+/image", 1))
          .isInstanceOf(MqttException.class);
      device.client.subscribe("dt/plantspy/farm-2/d-c1/diagnosis", 1);
      gateway.client.publish("dt/plantspy/farm-2/d-c1/diagnosis", "{}".getBytes(), 1, false);
      assertThat(device.received.poll(10, TimeUnit.SECONDS)).isEqualTo("dt/plantspy/farm-2/d-c1/diagnosis {}");
    }
  }

  @Test
  void aWrongPasswordOrAnotherClientIdIsRefused() throws Exception {
    String password = register("d-e1", "farm-3");
    assertThatThrownBy(() -> new MqttDevice(port, "d-e1", "d-e1", password + "x"))
        .isInstanceOf(MqttSecurityException.class);
    assertThatThrownBy(() -> new MqttDevice(port, "d-other", "d-e1", password))
        .isInstanceOf(MqttSecurityException.class);
    assertThatThrownBy(() -> new MqttDevice(port, "d-unknown", "d-unknown", password))
        .isInstanceOf(MqttSecurityException.class);
    assertThatThrownBy(() -> new MqttDevice(port, "feed-gateway-3", "feed-gateway", "wrong"))
        .isInstanceOf(MqttSecurityException.class);
    new MqttDevice(port, "d-e1", "d-e1", password).close();
  }

  @Test
  void aRevokedDeviceIsDisconnectedAndCannotComeBack() throws Exception {
    String password = register("d-f1", "farm-4");
    try (MqttDevice device = new MqttDevice(port, "d-f1", "d-f1", password)) {
      mongo.remove(new org.springframework.data.mongodb.core.query.Query(
          org.springframework.data.mongodb.core.query.Criteria.where("_id").is("d-f1")), DeviceFields.COLLECTION);
      await().atMost(Duration.ofSeconds(10)).until(() -> !device.client.isConnected());
    }
    assertThatThrownBy(() -> new MqttDevice(port, "d-f1", "d-f1", password))
        .isInstanceOf(MqttSecurityException.class);
  }

  private static String register(String id, String farm) {
    String password = DeviceSecrets.newPassword();
    mongo.getCollection(DeviceFields.COLLECTION).insertOne(new Document(DeviceFields.ID, id)
        .append(DeviceFields.FARM, farm).append(DeviceFields.OWNER, "ann")
        .append(DeviceFields.SECRET_HASH, DeviceSecrets.hash(password)));
    return password;
  }
}
