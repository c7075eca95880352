package io.plantspy.infra.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code devices add|list|remove}: the feed gateway's device registry from the command line. */
@Command(name = "devices", mixinStandardHelpOptions = true,
    subcommands = {DevicesCommand.Add.class, DevicesCommand.ListDevices.class, DevicesCommand.Remove.class},
    description = "Camera devices of the running platform's feed gateway.")
final class DevicesCommand {

  static FeedApi api(String user) throws Exception {
    return FeedApi.connect(new StateFolder(PlantspyLauncher.stateDir()), user);
  }

  /** {@code --user}, the same on each subcommand. */
  static final class UserOption {
    @Option(names = "--user", defaultValue = "grower", description = "Demo user to act as (default: ${DEFAULT-VALUE}).")
    String user;
  }

  @Command(name = "add", description = "Register a device; prints its MQTT credentials (the password only now).")
  static final class Add implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    UserOption as;

    @Option(names = "--farm", required = true, description = "Farm: lower-case letters, digits, dashes.")
    String farm;

    @Option(names = "--name", required = true, description = "A name for people.")
    String name;

    @Override
    public Integer call() throws Exception {
      FeedApi api = api(as.user);
      JsonNode d = api.register(farm, name);
      System.out.println("device   " + d.path("device").path("id").asString());
      System.out.println("broker   " + api.brokerUrl());
      System.out.println("username " + d.path("mqttUsername").asString() + "  (also the MQTT client id)");
      System.out.println("password " + d.path("mqttPassword").asString() + "  (shown once)");
      System.out.println("publish  " + d.path("device").path("imageTopic").asString());
      System.out.println("answers  " + d.path("device").path("diagnosisTopic").asString());
      return 0;
    }
  }

  @Command(name = "list", description = "The user's devices (all for admin).")
  static final class ListDevices implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    UserOption as;

    @Override
    public Integer call() throws Exception {
      for (JsonNode d : api(as.user).list()) {
        System.out.printf("%s  %-16s %-10s %s%n", d.path("id").asString(), d.path("farm").asString(),
            d.path("owner").asString(), d.path("name").asString());
      }
      return 0;
    }
  }

  @Command(name = "remove", description = "Revoke a device at once.")
  static final class Remove implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    UserOption as;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
      api(as.user).remove(id);
      System.out.println("removed " + id);
      return 0;
    }
  }
}
