package io.plantspy.infra.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lab upload ...}: what a laboratory does with the running platform. */
@Command(name = "lab", mixinStandardHelpOptions = true, subcommands = LabUploadCommand.class,
    description = "Lab commands (realm role lab): upload labelled photos for training.")
final class LabCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
