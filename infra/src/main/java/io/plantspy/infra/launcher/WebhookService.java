package io.plantspy.infra.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The webhook service's executable jar, on the platform's Kafka, MongoDB and realm. On this machine receivers
 * are local ({@code ./plantspy webhooks listen}), so loopback targets are allowed here, and only here.
 */
final class WebhookService extends BootService {

  static final NamedPort PORT = new NamedPort("webhooks", 8084);
  private static final String JAR = "webhooks";

  WebhookService() {
    super(JAR, "webhooks", PORT);
  }




  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    List<String> args = new ArrayList<>(platformArgs(settings));
    args.add("--plantspy.webhooks.target.allowed-addresses=127.0.0.0/8,::1/128");
    args.add("--plantspy.webhooks.events.api-base-url=" + settings.httpUrl(ApiService.PORT));
    return ChildProcess.start(JAR, JavaCommand.jar(List.of("-Xmx384m"), context.jar(JAR), args),
        settings.repoRoot(), context.state().log(JAR), Map.of());
  }


  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Webhooks          " + context.settings().httpUrl(PORT) + "/api/v1/webhooks");
  }
}
