package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The ingest API's executable jar, pointed at the platform's Kafka, Mongo and Keycloak realm. {@code up} runs one
 * instance; the chaos suite runs a second one ({@link #secondInstance()}) so that it can kill one of two.
 */
final class ApiService implements PlatformService {

  static final NamedPort PORT = new NamedPort("api", 8080);
  private static final String JAR = "ingest-api";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final NamedPort port;

  ApiService() {
    this(JAR, PORT);
  }

  private ApiService(String name, NamedPort port) {
    this.name = name;
    this.port = port;
  }

  /** Another instance of the same jar on its own port, sharing the platform's Kafka, MongoDB and realm. */
  static ApiService secondInstance() {
    return new ApiService(JAR + "-2", new NamedPort("api-second", PORT.defaultPort() + 100));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String key() {
    return "api";
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(port);
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    return ChildProcess.start(name, JavaCommand.jar(List.of("-Xmx768m", JavaCommand.THROUGHPUT_GC),
            context.jar(JAR), List.of(
            "--server.port=" + settings.port(port),
            "--server.address=" + settings.host(),
            "--spring.kafka.bootstrap-servers=" + KafkaService.bootstrap(settings),
            "--spring.mongodb.uri=" + MongoService.uri(settings) + "/plantspy",
            // Callback URLs on this machine (a local receiver), as the webhooks service allows them here.
            "--plantspy.callbacks.allowed-addresses=127.0.0.0/8,::1/128",
            "--plantspy.security.issuer-uri=" + settings.httpUrl(KeycloakService.HTTP) + "/realms/"
                + KeycloakServer.REALM)),
        settings.repoRoot(), context.state().log(name), Map.of());
  }

  @Override
  public void awaitReady(ChildProcess api, ServiceContext context) throws ServiceFailedException {
    Readiness.awaitActuatorReady(api, READY_TIMEOUT, context.settings().httpUrl(port));
  }

  @Override
  public List<String> summary(ServiceContext context) {
    String url = context.settings().httpUrl(port);
    return List.of("  API               " + url, "  Swagger UI        " + url + "/swagger-ui.html");
  }
}
