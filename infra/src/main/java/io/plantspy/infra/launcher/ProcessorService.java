package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The stream processor's executable jar, pointed at the platform's Kafka (one replica for its internal topics),
 * the checkout's {@code models/} and the platform's Mongo (GridFS images). It has no HTTP port, so it is ready
 * when Kafka Streams logs that it reached RUNNING.
 */
final class ProcessorService {

  static final String NAME = "stream-processor";
  private static final String RUNNING = "State transition from REBALANCING to RUNNING";

  private ProcessorService() {}

  static ChildProcess start(PlatformSettings settings, StateFolder state, Path jar) throws IOException {
    return ChildProcess.start(NAME, JavaCommand.jar(List.of("-Xmx1g", JavaCommand.THROUGHPUT_GC), jar, List.of(
            "--plantspy.processor.bootstrap-servers=" + settings.kafkaBootstrap(),
            "--plantspy.processor.replication-factor=1",
            "--plantspy.processor.models-dir=" + settings.repoRoot().resolve("models"),
            "--plantspy.processor.state-dir=" + state.streamsState(),
            "--plantspy.processor.gridfs.uri=" + settings.mongoUri())),
        settings.repoRoot(), state.log(NAME), Map.of());
  }

  static void awaitReady(ChildProcess processor, PlatformSettings settings) throws ServiceFailedException {
    Readiness.await(processor, settings.timeouts().processor(), () -> processor.sinceStart().contains(RUNNING));
  }
}
