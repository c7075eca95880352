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
    assertThat(PlatformSettings.Ports.defaults().byKey()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("kafka", 9092), Map.entry("kafka-controller", 9093), Map.entry("mongo", 27017),
        Map.entry("keycloak", 8081), Map.entry("keycloak-management", 9001), Map.entry("api", 8080),
        Map.entry("trainer", 8083), Map.entry("webhooks", 8084), Map.entry("mqtt", 1883), Map.entry("feeds", 8085),
        Map.entry("web", 8082), Map.entry("processor", 8086)));
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
