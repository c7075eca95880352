package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The feed gateway's executable jar, on the platform's Kafka, MongoDB, realm and MQTT broker. */
final class FeedGatewayService implements PlatformService {

  static final NamedPort PORT = new NamedPort("feeds", 8085);
  private static final String JAR = "feed-gateway";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  @Override
  public String name() {
    return JAR;
  }

  @Override
  public String key() {
    return "feeds";
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(PORT);
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    return ChildProcess.start(JAR, JavaCommand.jar(List.of("-Xmx384m"), context.jar(JAR), List.of(
            "--server.port=" + settings.port(PORT),
            "--server.address=" + settings.host(),
            "--spring.kafka.bootstrap-servers=" + KafkaService.bootstrap(settings),
            "--spring.mongodb.uri=" + MongoService.uri(settings) + "/plantspy",
            "--plantspy.security.issuer-uri=" + settings.httpUrl(KeycloakService.HTTP) + "/realms/"
                + KeycloakServer.REALM,
            "--plantspy.feeds.mqtt.url=tcp://" + settings.address(FeedBrokerService.PORT))),
        settings.repoRoot(), context.state().log(JAR), FeedBrokerService.gatewayPassword(context));
  }

  @Override
  public void awaitReady(ChildProcess process, ServiceContext context) throws ServiceFailedException {
    Readiness.awaitActuatorReady(process, READY_TIMEOUT, context.settings().httpUrl(PORT));
  }

  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Feed gateway      " + context.settings().httpUrl(PORT) + "/api/v1/devices");
  }
}
