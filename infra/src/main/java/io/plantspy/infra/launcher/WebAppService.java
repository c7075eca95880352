package io.plantspy.infra.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The web app's executable jar: people sign in at the platform's realm (client {@code plantspy-web}) and the app
 * calls the ingest API, the trainer service, the feed gateway and the webhooks service as them; its Admin users page
 * acts as the realm's service-account client {@code plantspy-web-admin}, whose secret Keycloak generated at the
 * realm's import.
 */
final class WebAppService extends BootService {

  static final NamedPort PORT = new NamedPort("web", 8082);
  private static final String JAR = "web";

  WebAppService() {
    super(JAR, "web", PORT);
  }




  /** The realm's service-account client the Admin users page acts as; Keycloak generated its secret. */
  static final String ADMIN_CLIENT = "plantspy-web-admin";

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    Map<String, String> env = new HashMap<>();
    try {
      // The secret goes in the environment, not on the command line that every local user can list.
      env.put("PLANTSPY_WEB_ADMIN_CLIENT_SECRET",
          KeycloakService.admin(settings, context.state().passwords()).clientSecret(ADMIN_CLIENT));
    } catch (IOException e) {
      // A realm imported before the client existed (an older state folder): everything but Admin users works.
      context.out().accept("web: no " + ADMIN_CLIENT + " client in the realm, the Admin users page is off ("
          + e.getMessage() + ")");
    }
    List<String> args = new ArrayList<>(serverArgs(settings));
    args.add("--plantspy.web.realm.issuer-uri=" + realmUrl(settings));
    args.add("--plantspy.web.api.ingest-url=" + settings.httpUrl(ApiService.PORT));
    args.add("--plantspy.web.api.trainer-url=" + settings.httpUrl(TrainerService.PORT));
    args.add("--plantspy.web.api.feeds-url=" + settings.httpUrl(FeedGatewayService.PORT));
    args.add("--plantspy.web.api.webhooks-url=" + settings.httpUrl(WebhookService.PORT));
    return ChildProcess.start(JAR, JavaCommand.jar(List.of("-Xmx256m"), context.jar(JAR), args),
        settings.repoRoot(), context.state().log(JAR), env);
  }


  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Web app           " + context.settings().httpUrl(PORT) + "/  (sign in as a demo user)");
  }
}
