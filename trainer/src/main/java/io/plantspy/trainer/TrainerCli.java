package io.plantspy.trainer;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Command line of the trainer: {@code train}, {@code evaluate}, {@code classify} with a release, {@code bench-model} inference. */
@Command(name = "trainer", mixinStandardHelpOptions = true, version = "plantspy-trainer 0.1",
    subcommands = {TrainCommand.class, EvaluateCommand.class, ClassifyCommand.class, BenchModelCommand.class},
    description = "Trains, evaluates and benchmarks PlantSpy model releases.")
public final class TrainerCli implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainerCli()).execute(args));
  }
}
