package io.plantspy.infra.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingest API's executable jar, pointed at the platform's Kafka, Mongo and Keycloak realm. {@code up} runs one
 * instance; the chaos suite runs a second one ({@link #secondInstance()}) so that it can kill one of two.
 */
final class ApiService extends BootService {

  static final NamedPort PORT = new NamedPort("api", 8080);
  private static final String JAR = "ingest-api";

  ApiService() {
    this(JAR, PORT);
  }

  private ApiService(String name, NamedPort port) {
    super(name, "api", port);
  }

  /** Another instance of the same jar on its own port, sharing the platform's Kafka, MongoDB and realm. */
  static ApiService secondInstance() {
    return new ApiService(JAR + "-2", new NamedPort("api-second", PORT.defaultPort() + 100));
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    List<String> args = new ArrayList<>(platformArgs(settings));
    // Callback URLs on this machine (a local receiver), as the webhooks service allows them here.
    args.add("--plantspy.callbacks.allowed-addresses=127.0.0.0/8,::1/128");
    return ChildProcess.start(name(), JavaCommand.jar(List.of("-Xmx768m", JavaCommand.THROUGHPUT_GC),
        context.jar(JAR), args), settings.repoRoot(), context.state().log(name()), Map.of());
  }

  @Override
  public List<String> summary(ServiceContext context) {
    String url = context.settings().httpUrl(port());
    return List.of("  API               " + url, "  Swagger UI        " + url + "/swagger-ui.html");
  }
}
