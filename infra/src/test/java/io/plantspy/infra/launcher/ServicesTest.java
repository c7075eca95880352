package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service list: names, keys and ports that identify one service each, and ports that never collide. */
class ServicesTest {

  @Test
  void namesKeysAndPortKeysAreEachUnique() {
    assertThat(Services.ALL).extracting(PlatformService::name).doesNotHaveDuplicates();
    assertThat(Services.ALL).extracting(PlatformService::key).doesNotHaveDuplicates();
    assertThat(Services.ports()).extracting(NamedPort::key).doesNotHaveDuplicates();
  }

  @Test
  void defaultPortsAreTheDocumentedOnes() {
    assertThat(PlatformSettings.Ports.defaults().byKey()).containsExactlyInAnyOrderEntriesOf(Map.of("kafka", 9092,
        "kafka-controller", 9093, "mongo", 27017, "keycloak", 8081, "keycloak-management", 9001, "api", 8080,
        "trainer", 8083, "webhooks", 8084, "mqtt", 1883, "feeds", 8085, "web", 8082));
  }

  @Test
  void aPortNoServiceDeclaresIsRefused() {
    assertThatThrownBy(() -> PlatformSettings.Ports.with(Map.of("apy", 18080)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apy");
  }

  @Test
  void portOptionAndVariableAreDerivedFromTheKey() {
    NamedPort port = new NamedPort("feed-gateway", 8090);
    assertThat(port.option()).isEqualTo("--feed-gateway-port");
    assertThat(port.environmentVariable()).isEqualTo("PLANTSPY_FEED_GATEWAY_PORT");
    assertThatThrownBy(() -> new NamedPort("Feed_Gateway", 8090)).isInstanceOf(IllegalArgumentException.class);
  }
}
