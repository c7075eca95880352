package io.plantspy.trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command line of the trainer: {@code train}, {@code evaluate}, {@code challenge} (a learning-loop run),
 * {@code classify} with a release, {@code bench-model} inference, {@code releases publish} to a running platform,
 * {@code leaf-scorer} for the leaf-weighted backbone graph.
 */
@Command(name = "trainer", mixinStandardHelpOptions = true, version = "plantspy-trainer 0.1",
    subcommands = {TrainCommand.class, EvaluateCommand.class, ChallengeCommand.class, ClassifyCommand.class,
        BenchModelCommand.class, ReleasesCommand.class, LeafScorerCommand.class},
    description = "Trains, evaluates and benchmarks PlantSpy model releases.")
public final class TrainerCli implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with its error handling: a failure the user can fix (a missing folder, a bad release, an
   * invalid setting) is one line on stderr and exit code 1; anything else keeps its stack trace.
   */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new TrainerCli());
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException) {
        cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
        return cmd.getCommandSpec().exitCodeOnExecutionException();
      }
      throw e;
    });
    return commandLine;
  }
}
