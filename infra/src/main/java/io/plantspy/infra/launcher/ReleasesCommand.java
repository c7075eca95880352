package io.plantspy.infra.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code releases list|promote ID}: the running trainer service's release registry. ({@code releases publish DIR}
 * is the trainer CLI's; the {@code plantspy} script sends it there.)
 */
@Command(name = "releases", mixinStandardHelpOptions = true,
    subcommands = {ReleasesCommand.ListReleases.class, ReleasesCommand.Promote.class},
    description = "The registered model releases of the running platform (list: roles admin or lab; promote: admin).")
final class ReleasesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Registered releases, newest first, with aliases, top-1 and the decision that made them.")
  static final class ListReleases implements Callable<Integer> {

    @Option(names = "--user", defaultValue = "admin", description = "Demo user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--json", description = "Print the registry's answer as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      TrainerApi.Answer answer = TrainerApi.connect(new StateFolder(PlantspyLauncher.stateDir()), user)
          .get(TrainerApi.RELEASES);
      if (!answer.ok()) {
        System.err.println("cannot list releases: " + answer.detail());
        return 1;
      }
      if (json) {
        System.out.println(answer.body().toString());
        return 0;
      }
      System.out.printf("%-36s %-20s %-8s %-9s %s%n", "RELEASE", "ALIASES", "TOP-1", "PROMOTED", "RUN");
      for (JsonNode release : answer.body()) {
        List<String> aliases = new ArrayList<>();
        release.path("aliases").forEach(a -> aliases.add(a.asString()));
        JsonNode top1 = release.path("metrics").path("top1_accuracy");
        System.out.printf(Locale.ROOT, "%-36s %-20s %-8s %-9s %s%n", release.path("id").asString(),
            aliases.isEmpty() ? "-" : String.join(",", aliases),
            top1.isNumber() ? String.format(Locale.ROOT, "%.4f", top1.asDouble()) : "-",
            release.path("promoted").isNull() || release.path("promoted").isMissingNode() ? "-"
                : release.path("promoted").asString(),
            release.path("runId").isNull() || release.path("runId").isMissingNode() ? "(committed)"
                : release.path("runId").asString());
      }
      return 0;
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = "Make a registered release the champion every stream processor serves (also a rollback).")
  static final class Promote implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The release id (see releases list).")
    String id;

    @Option(names = "--user", defaultValue = "admin", description = "Demo user (default: ${DEFAULT-VALUE}).")
    String user;

    @Override
    public Integer call() throws Exception {
      TrainerApi.Answer answer = TrainerApi.connect(new StateFolder(PlantspyLauncher.stateDir()), user)
          .post(TrainerApi.RELEASES + "/" + id + "/promote");
      if (!answer.ok()) {
        System.err.println("release " + id + " not promoted: " + answer.detail());
        return 1;
      }
      System.out.println("release " + id + " is the champion; every stream processor switches to it");
      return 0;
    }
  }
}
