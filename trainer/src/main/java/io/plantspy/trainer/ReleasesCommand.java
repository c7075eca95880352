package io.plantspy.trainer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trainer releases}: the releases the platform serves. */
@Command(name = "releases", mixinStandardHelpOptions = true, subcommands = PublishReleaseCommand.class,
    description = "Publish model releases to the running platform.")
final class ReleasesCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
