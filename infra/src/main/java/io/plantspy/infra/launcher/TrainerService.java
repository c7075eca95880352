package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trainer service's executable jar: the learning loop, the release registry and the admin endpoints, pointed at
 * the platform's Kafka, MongoDB and Keycloak realm, the checkout's {@code models/} (its committed release becomes
 * the first champion) and, when they are there, the shared PlantVillage photos as the base dataset. Its work
 * (lab image copies, fetched releases, run folders) lives in the state folder.
 */
final class TrainerService extends BootService {

  static final NamedPort PORT = new NamedPort("trainer", 8083);
  static final String NAME = "trainer-service";
  /** The most of the machine's memory the service's heap may take (idle, it stays small). */
  static final String HEAP = "-XX:MaxRAMPercentage=60";

  TrainerService() {
    super(NAME, "trainer", PORT);
  }

  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    Path work = context.state().root().resolve("trainer");
    List<String> args = new ArrayList<>(platformArgs(settings));
    args.addAll(List.of(
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
    // A run holds the embedded features of the whole training set (with its augmented and field views) while the
    // head trains and the class distance is fitted: following the served champion's recipe (94,595 examples of 4,897
    // features) needs about 12 GB, so the heap may grow to a share of the machine's memory rather than a fixed size.
    return ChildProcess.start(NAME, JavaCommand.jar(List.of(HEAP, JavaCommand.THROUGHPUT_GC),
        context.jar(NAME), args), settings.repoRoot(), context.state().log(NAME), Map.of());
  }


  @Override
  public List<String> summary(ServiceContext context) {
    return List.of("  Trainer service   " + context.settings().httpUrl(PORT) + "/api/v1/admin/releases");
  }
}
