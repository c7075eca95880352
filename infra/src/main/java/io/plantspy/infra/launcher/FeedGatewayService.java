package io.plantspy.infra.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The feed gateway's executable jar, on the platform's Kafka, MongoDB, realm and MQTT broker. */
final class FeedGatewayService extends BootService {

  static final NamedPort PORT = new NamedPort("feeds", 8085);
  private static final String JAR = "feed-gateway";

  FeedGatewayService() {
    super(JAR, "feeds", PORT);
  }




  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    List<String> args = new ArrayList<>(platformArgs(settings));
    args.add("--plantspy.feeds.mqtt.url=tcp://" + settings.address(FeedBrokerService.PORT));
    return ChildProcess.start(JAR, JavaCommand.jar(List.of("-Xmx384m"), context.jar(JAR), args),
        settings.repoRoot(), context.state().log(JAR), FeedBrokerService.gatewayPassword(context));
  }


  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Feed gateway      " + context.settings().httpUrl(PORT) + "/api/v1/devices");
  }
}
