package io.plantspy.infra.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code webhooks listen ...}: tools for the webhook side of the platform. */
@Command(name = "webhooks", mixinStandardHelpOptions = true, subcommands = WebhooksListenCommand.class,
    description = "Webhook tools: a local receiver that verifies signatures and prints each event.")
final class WebhooksCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
