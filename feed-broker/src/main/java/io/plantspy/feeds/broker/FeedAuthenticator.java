package io.plantspy.feeds.broker;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.plantspy.feeds.devices.DeviceSecrets;
import io.plantspy.feeds.devices.FeedTopics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets in the gateway (service credentials from configuration) and registered devices (username = client id =
 * device id, password checked against its hash), and gives each its topic permissions for the connection: a device
 * may publish only to its own frame topic and subscribe only to its own diagnosis topic; the gateway may read every
 * frame topic (shared subscriptions included) and write every diagnosis topic. Anything not granted is refused by
 * the broker (a denied subscription gets a failure code, a denied publish is dropped and, on MQTT 3, disconnects).
 */
final class FeedAuthenticator implements SimpleAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(FeedAuthenticator.class);

  private final BrokerProperties properties;
  private final DeviceDirectory directory;
  private final ConnectedDevices connected;

  FeedAuthenticator(BrokerProperties properties, DeviceDirectory directory, ConnectedDevices connected) {
    this.properties = properties;
    this.directory = directory;
    this.connected = connected;
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    String clientId = input.getClientInformation().getClientId();
    String username = input.getConnectPacket().getUserName().orElse("");
    String password = input.getConnectPacket().getPassword().map(FeedAuthenticator::text).orElse(null);
    ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
    permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    if (username.equals(properties.gatewayUsername())) {
      if (!password(password).equals(properties.gatewayPassword()) || !clientId.startsWith(username)) {
        refuse(output, clientId, "gateway credentials or client id");
        return;
      }
      permissions.add(permission(FeedTopics.ALL_IMAGES, TopicPermission.MqttActivity.SUBSCRIBE));
      permissions.add(permission(FeedTopics.ALL_DIAGNOSES, TopicPermission.MqttActivity.PUBLISH));
      output.authenticateSuccessfully();
      return;
    }
    Optional<DeviceAccount> device;
    try {
      device = directory.find(username);
    } catch (RuntimeException e) {
      log.warn("Device {} not checked: the registry is unreachable ({})", username, e.toString());
      output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE,
          "device registry unavailable");
      return;
    }
    if (device.isEmpty() || !clientId.equals(username) || !DeviceSecrets.matches(password, device.get().secretHash())
        || !FeedTopics.isSegment(device.get().farm()) || !FeedTopics.isSegment(username)) {
      refuse(output, clientId, "device credentials or client id");
      return;
    }
    String farm = device.get().farm();
    permissions.add(permission(FeedTopics.image(farm, username), TopicPermission.MqttActivity.PUBLISH));
    permissions.add(permission(FeedTopics.diagnosis(farm, username), TopicPermission.MqttActivity.SUBSCRIBE));
    connected.connected(username);
    output.authenticateSuccessfully();
  }

  private static String password(String password) {
    return password == null ? "" : password;
  }

  private static void refuse(SimpleAuthOutput output, String clientId, String what) {
    log.info("Refused MQTT client {}: wrong {}", clientId, what);
    output.failAuthentication();
  }

  private static TopicPermission permission(String filter, TopicPermission.MqttActivity activity) {
    return Builders.topicPermission().topicFilter(filter).activity(activity)
        .type(TopicPermission.PermissionType.ALLOW).qos(TopicPermission.Qos.ALL)
        .sharedSubscription(TopicPermission.SharedSubscription.ALL).sharedGroup("#").build();
  }

  private static String text(ByteBuffer bytes) {
    return StandardCharsets.UTF_8.decode(bytes.asReadOnlyBuffer()).toString();
  }
}
