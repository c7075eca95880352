package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The web app's executable jar: people sign in at the platform's realm (client {@code plantspy-web}) and the app
 * calls the ingest API and the trainer service as them.
 */
final class WebAppService implements PlatformService {

  static final NamedPort PORT = new NamedPort("web", 8082);
  private static final String JAR = "web";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  @Override
  public String name() {
    return JAR;
  }

  @Override
  public String key() {
    return "web";
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(PORT);
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    return ChildProcess.start(JAR, JavaCommand.jar(List.of("-Xmx256m"), context.jar(JAR), List.of(
            "--server.port=" + settings.port(PORT),
            "--server.address=" + settings.host(),
            "--plantspy.web.realm.issuer-uri=" + settings.httpUrl(KeycloakService.HTTP) + "/realms/"
                + KeycloakServer.REALM,
            "--plantspy.web.api.ingest-url=" + settings.httpUrl(ApiService.PORT),
            "--plantspy.web.api.trainer-url=" + settings.httpUrl(TrainerService.PORT))),
        settings.repoRoot(), context.state().log(JAR), Map.of());
  }

  @Override
  public void awaitReady(ChildProcess process, ServiceContext context) throws ServiceFailedException {
    Readiness.awaitActuatorReady(process, READY_TIMEOUT, context.settings().httpUrl(PORT));
  }

  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Web app           " + context.settings().httpUrl(PORT) + "/  (sign in as a demo user)");
  }
}
