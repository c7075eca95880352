package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The webhook service's executable jar, on the platform's Kafka, MongoDB and realm. On this machine receivers
 * are local ({@code ./plantspy webhooks listen}), so loopback targets are allowed here, and only here.
 */
final class WebhookService implements PlatformService {

  static final NamedPort PORT = new NamedPort("webhooks", 8084);
  private static final String JAR = "webhooks";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  @Override
  public String name() {
    return JAR;
  }

  @Override
  public String key() {
    return "webhooks";
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
            "--plantspy.webhooks.target.allowed-addresses=127.0.0.0/8,::1/128",
            "--plantspy.webhooks.events.api-base-url=" + settings.httpUrl(ApiService.PORT))),
        settings.repoRoot(), context.state().log(JAR), Map.of());
  }

  @Override
  public void awaitReady(ChildProcess process, ServiceContext context) throws ServiceFailedException {
    Readiness.awaitActuatorReady(process, READY_TIMEOUT, context.settings().httpUrl(PORT));
  }

  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Webhooks          " + context.settings().httpUrl(PORT) + "/api/v1/webhooks");
  }
}
