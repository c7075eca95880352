package io.plantspy.infra.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code token USER}: an access token for a demo user (password grant of plantspy-cli), for curl and Swagger. */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Prints an access token for a demo user (admin, lab, grower, viewer).")
final class TokenCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "USER", description = "demo user")
  String user;

  @Override
  public Integer call() throws Exception {
    System.out.println(DemoTokens.fetch(new StateFolder(PlantspyLauncher.stateDir()), user));
    return 0;
  }
}
