package io.plantspy.feeds.gateway.mqtt;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Health component "mqtt": up while the frame subscription is active. In the readiness group. */
@Component("mqttHealthIndicator")
public class MqttHealthIndicator implements ReactiveHealthIndicator {

  private final MqttLink link;

  public MqttHealthIndicator(MqttLink link) {
    this.link = link;
  }

  @Override
  public Mono<Health> health() {
    return Mono.fromSupplier(() -> link.subscribed() ? Health.up().build()
        : Health.down().withDetail("subscribed", false).build());
  }
}
