package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakServer;
import java.time.Duration;
import java.util.List;

/**
 * A Spring Boot service of the platform that serves HTTP on one port and is ready when its actuator says so: what
 * the ingest API, the trainer service, the webhook service, the feed gateway and the web app share. Each says how it
 * starts (its jar, heap and properties) and what {@code up} prints about it; the command-line properties every one
 * of them takes to reach the platform's parts are here.
 */
abstract class BootService implements PlatformService {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final String key;
  private final NamedPort port;

  BootService(String name, String key, NamedPort port) {
    this.name = name;
    this.key = key;
    this.port = port;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String key() {
    return key;
  }

  @Override
  public final List<NamedPort> ports() {
    return List.of(port);
  }

  final NamedPort port() {
    return port;
  }

  @Override
  public final void awaitReady(ChildProcess process, ServiceContext context) throws ServiceFailedException {
    Readiness.awaitActuatorReady(process, READY_TIMEOUT, context.settings().httpUrl(port));
  }

  /** Its own port and address, on the platform's host. */
  final List<String> serverArgs(PlatformSettings settings) {
    return List.of("--server.port=" + settings.port(port), "--server.address=" + settings.host());
  }

  /** Its port and address, and the platform's Kafka, MongoDB database and realm (as a resource server). */
  final List<String> platformArgs(PlatformSettings settings) {
    return List.of("--server.port=" + settings.port(port),
        "--server.address=" + settings.host(),
        "--spring.kafka.bootstrap-servers=" + KafkaService.bootstrap(settings),
        "--spring.mongodb.uri=" + MongoService.databaseUri(settings),
        "--plantspy.security.issuer-uri=" + realmUrl(settings));
  }

  static String realmUrl(PlatformSettings settings) {
    return KeycloakService.baseUrl(settings) + "/realms/" + KeycloakServer.REALM;
  }
}
