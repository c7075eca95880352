package io.plantspy.infra.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The MQTT broker of camera feeds (embedded HiveMQ CE), on the platform's MongoDB, where it reads the devices the
 * feed gateway registers. The gateway's service password is generated at the first start and kept in the state
 * folder (services.properties, owner-only); it reaches both processes through their environment, not their command
 * line.
 */
final class FeedBrokerService implements PlatformService {

  static final NamedPort PORT = new NamedPort("mqtt", 1883);
  static final String PASSWORD_VARIABLE = "PLANTSPY_FEED_GATEWAY_PASSWORD";
  private static final String JAR = "feed-broker";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  @Override
  public String name() {
    return JAR;
  }

  @Override
  public String key() {
    return "mqtt";
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(PORT);
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    return ChildProcess.start(JAR, JavaCommand.jar(List.of("-Xmx256m"), context.jar(JAR), List.of(
            "--plantspy.broker.port=" + settings.port(PORT),
            "--plantspy.broker.bind-address=" + settings.host(),
            "--spring.mongodb.uri=" + MongoService.databaseUri(settings))),
        settings.repoRoot(), context.state().log(JAR), gatewayPassword(context));
  }

  @Override
  public void awaitReady(ChildProcess process, ServiceContext context) throws ServiceFailedException {
    PlatformSettings settings = context.settings();
    Readiness.await(process, READY_TIMEOUT, () -> Readiness.listening(settings.host(), settings.port(PORT)));
  }

  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  MQTT broker       tcp://" + context.settings().address(PORT)
        + "  (devices: dt/plantspy/{farm}/{device}/image)");
  }

  /** The environment that gives a process the gateway's service password. */
  static Map<String, String> gatewayPassword(ServiceContext context) throws IOException {
    return Map.of(PASSWORD_VARIABLE, context.state().serviceSecret(StateFolder.FEED_GATEWAY));
  }
}
