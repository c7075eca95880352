package io.plantspy.feeds.gateway;

import io.plantspy.feeds.broker.FeedBrokerApplication;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real broker process and the gateway service, each started as in production (the broker on its own MQTT port,
 * the gateway on its own HTTP port with real JWT decoding), on one fresh in-memory MongoDB and the test Kafka broker.
 */
public final class FeedPlatform implements AutoCloseable {

  public static final String GATEWAY_PASSWORD = "gateway-" + UUID.randomUUID();

  private final ConfigurableApplicationContext broker;
  private final ConfigurableApplicationContext gateway;
  private final WebTestClient client;
  private final int mqttPort;
  private final String mongoUri;

  private FeedPlatform(String... gatewayArgs) {
    mongoUri = TestMongo.freshUri("feeds");
    mqttPort = freePort();
    broker = FeedBrokerApplication.builder().run(
        "--spring.mongodb.uri=" + mongoUri, "--plantspy.broker.port=" + mqttPort,
        "--plantspy.broker.gateway-password=" + GATEWAY_PASSWORD, "--plantspy.broker.revocation-check=200ms");
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.mongodb.uri=" + mongoUri,
        "--spring.kafka.bootstrap-servers=" + TestKafka.brokers(),
        "--plantspy.feeds.results.results-group=feeds-" + UUID.randomUUID(),
        "--plantspy.feeds.mqtt.url=tcp://127.0.0.1:" + mqttPort,
        "--plantspy.feeds.mqtt.password=" + GATEWAY_PASSWORD,
        "--plantspy.security.issuer-uri=" + TestTokens.ISSUER,
        "--plantspy.security.jwk-set-uri=" + TestTokens.jwksUri(),
        "--logging.level.org.apache.kafka=warn"));
    args.addAll(List.of(gatewayArgs));
    gateway = new SpringApplicationBuilder(io.plantspy.feeds.gateway.FeedGatewayApplication.class)
        .run(args.toArray(String[]::new));
    client = WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"))
        .responseTimeout(Duration.ofSeconds(30)).build();
  }

  public static FeedPlatform start(String... gatewayArgs) {
    return new FeedPlatform(gatewayArgs);
  }

  public int mqttPort() {
    return mqttPort;
  }

  public String mongoUri() {
    return mongoUri;
  }

  /** The gateway's HTTP address, for clients other than the test client. */
  public String baseUrl() {
    return "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
  }

  public WebTestClient client() {
    return client;
  }

  public WebTestClient as(String subject, String... roles) {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid(subject, roles))
        .build();
  }

  public <T> T bean(Class<T> type) {
    return gateway.getBean(type);
  }

  @Override
  public void close() {
    gateway.close();
    broker.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
