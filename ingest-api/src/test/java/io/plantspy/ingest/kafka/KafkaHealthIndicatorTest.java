package io.plantspy.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class KafkaHealthIndicatorTest {

  @Test
  void isDownWhenNoBrokerAnswers() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    KafkaProperties kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of("127.0.0.1:" + closedPort));
    KafkaHealthIndicator indicator = new KafkaHealthIndicator(kafka);
    try {
      Health health = indicator.health().block(Duration.ofSeconds(20));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    } finally {
      indicator.destroy();
    }
  }
}
