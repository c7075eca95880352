package io.plantspy.webhooks;

import io.plantspy.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service started as in production (its own HTTP port, real JWT decoding, Kafka consumers, worker) on the
 * test broker and a MongoDB database of the caller's choosing, so a test can stop it and start it again on the
 * same state. The retry schedule is scaled down; loopback receivers are allowed.
 */
public final class WebhooksApp implements AutoCloseable {

  /** Scaled-down retry schedule: the waits before attempts 1 to 4. */
  public static final List<Duration> SCHEDULE =
      List.of(Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofMillis(900));

  private final ConfigurableApplicationContext context;
  private final WebTestClient client;

  private WebhooksApp(ConfigurableApplicationContext context) {
    this.context = context;
    String port = context.getEnvironment().getProperty("local.server.port");
    this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(30)).build();
  }

  public static WebhooksApp start(String mongoUri, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.mongodb.uri=" + mongoUri,
        "--spring.kafka.bootstrap-servers=" + TestKafka.brokers(),
        // A group per service instance: each test's service reads the shared topics on its own.
        "--plantspy.webhooks.events.results-group=results-" + UUID.randomUUID(),
        "--plantspy.webhooks.events.releases-group=releases-" + UUID.randomUUID(),
        "--plantspy.webhooks.events.api-base-url=http://api.test",
        "--plantspy.security.issuer-uri=" + TestTokens.ISSUER,
        "--plantspy.security.jwk-set-uri=" + TestTokens.jwksUri(),
        "--plantspy.webhooks.target.allowed-addresses=127.0.0.1/32",
        "--plantspy.webhooks.delivery.schedule="
            + String.join(",", SCHEDULE.stream().map(d -> d.toMillis() + "ms").toList()),
        "--plantspy.webhooks.delivery.poll-interval=100ms",
        "--logging.level.org.apache.kafka=warn"));
    for (String arg : extra) {
      // A key given again replaces the default above (a repeated option would bind as a list).
      args.removeIf(a -> a.startsWith(arg.substring(0, arg.indexOf('=') + 1)));
      args.add(arg);
    }
    return new WebhooksApp(new SpringApplicationBuilder(WebhooksApplication.class).run(args.toArray(String[]::new)));
  }

  public WebTestClient client() {
    return client;
  }

  /** A client acting as {@code subject} with these realm roles, through a real signed token. */
  public WebTestClient as(String subject, String... roles) {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid(subject, roles))
        .build();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
