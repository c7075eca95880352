package io.plantspy.infra.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The stream processor's executable jar, pointed at the platform's Kafka (one replica for its internal topics),
 * the checkout's {@code models/} and the platform's Mongo (GridFS images). Its HTTP port serves the actuator only
 * (health, prometheus); it is ready when Kafka Streams logs that it reached RUNNING.
 */
final class ProcessorService implements PlatformService {

  static final NamedPort PORT = new NamedPort("processor", 8086);
  private static final String NAME = "stream-processor";
  private static final String RUNNING = "State transition from REBALANCING to RUNNING";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String key() {
    return "processor";
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(PORT);
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    StateFolder state = context.state();
    return ChildProcess.start(NAME, JavaCommand.jar(List.of("-Xmx1g", JavaCommand.THROUGHPUT_GC),
            context.jar(NAME), List.of(
            "--server.port=" + settings.port(PORT),
            "--server.address=" + settings.host(),
            "--plantspy.processor.bootstrap-servers=" + KafkaService.bootstrap(settings),
            "--plantspy.processor.replication-factor=1",
            "--plantspy.processor.models-dir=" + settings.repoRoot().resolve("models"),
            "--plantspy.processor.state-dir=" + state.streamsState(),
            "--plantspy.processor.gridfs.uri=" + MongoService.uri(settings))),
        settings.repoRoot(), state.log(NAME), Map.of());
  }

  @Override
  public void awaitReady(ChildProcess processor, ServiceContext context) throws ServiceFailedException {
    Readiness.await(processor, READY_TIMEOUT, () -> processor.sinceStart().contains(RUNNING));
  }
}
