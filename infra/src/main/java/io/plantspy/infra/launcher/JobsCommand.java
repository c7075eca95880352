package io.plantspy.infra.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jobs submit|results|list|cancel}: bulk jobs on the running platform. */
@Command(name = "jobs", mixinStandardHelpOptions = true, subcommands = {JobsSubmitCommand.class,
    JobsResultsCommand.class, JobsListCommand.class, JobsCancelCommand.class},
    description = "Bulk jobs: submit a folder, zip or JSONL file of photos, follow it, read its results.")
final class JobsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
