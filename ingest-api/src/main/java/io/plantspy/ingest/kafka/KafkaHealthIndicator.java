package io.plantspy.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /actuator/health} component "kafka": UP with the cluster id and broker count when the brokers answer
 * within a few seconds, DOWN otherwise. Without Kafka the API cannot queue a diagnosis (it answers 503), so this
 * belongs in the readiness group (see application.yaml).
 */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Admin admin;

  public KafkaHealthIndicator(KafkaProperties kafka) {
    super("Kafka health check failed");
    Map<String, Object> config = kafka.buildAdminProperties();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    this.admin = Admin.create(config);
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return Mono.fromCallable(() -> {
          var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
          String clusterId = cluster.clusterId().get();
          int brokers = cluster.nodes().get().size();
          return builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
        })
        // The admin client's futures block: keep them off the event loop.
        .subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(5));
  }
}
