package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trainer service's executable jar: the learning loop, the release registry and the admin endpoints, pointed at
 * the platform's Kafka, MongoDB and Keycloak realm, the checkout's {@code models/} (its committed release becomes
 * the first champion) and, when they are there, the shared PlantVillage photos as the base dataset. Its work
 * (lab image copies, fetched releases, run folders) lives in the state folder.
 */
final class TrainerService implements PlatformService {

  static final NamedPort PORT = new NamedPort("trainer", 8083);
  static final String NAME = "trainer-service";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String key() {
    return "trainer";
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(PORT);
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    Path work = context.state().root().resolve("trainer");
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + settings.port(PORT),
        "--server.address=" + settings.host(),
        "--spring.kafka.bootstrap-servers=" + KafkaService.bootstrap(settings),
        "--spring.mongodb.uri=" + MongoService.uri(settings) + "/plantspy",
        "--plantspy.security.issuer-uri=" + settings.httpUrl(KeycloakService.HTTP) + "/realms/"
            + KeycloakServer.REALM,
        "--plantspy.trainer.registry.models-dir=" + settings.repoRoot().resolve("models"),
        "--plantspy.trainer.registry.cache-dir=" + work.resolve("releases"),
        "--plantspy.trainer.lab.images-dir=" + work.resolve("lab-images"),
        "--plantspy.trainer.runs.work-dir=" + work.resolve("runs")));
    // The photos are not part of a checkout: passed when present, else a run fails saying it has no base dataset.
    Path datasets = settings.repoRoot().resolve("../shared/datasets").normalize();
    if (Files.isDirectory(datasets.resolve("plantvillage"))) {
      args.add("--plantspy.trainer.runs.base-dataset=" + datasets.resolve("plantvillage"));
    }
    if (Files.isDirectory(datasets.resolve("plantvillage-background"))) {
      args.add("--plantspy.trainer.runs.background-dir=" + datasets.resolve("plantvillage-background"));
    }
    // A run holds the embedded features of the whole training set (with its augmented views) while the head trains.
    return ChildProcess.start(NAME, JavaCommand.jar(List.of("-Xmx3g", JavaCommand.THROUGHPUT_GC),
        context.jar(NAME), args), settings.repoRoot(), context.state().log(NAME), Map.of());
  }

  @Override
  public void awaitReady(ChildProcess trainer, ServiceContext context) throws ServiceFailedException {
    Readiness.awaitActuatorReady(trainer, READY_TIMEOUT, context.settings().httpUrl(PORT));
  }

  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Trainer service   " + context.settings().httpUrl(PORT) + "/api/v1/admin/releases");
  }
}
