package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DevicesCommandTest {

  @Test
  void eachSubcommandTakesTheUserAfterItsName() {
    CommandLine.ParseResult parsed = new CommandLine(new PlantspyLauncher())
        .parseArgs("devices", "add", "--user", "lab", "--farm", "north", "--name", "mast 1");
    DevicesCommand.Add add = (DevicesCommand.Add) parsed.subcommand().subcommand().commandSpec().userObject();
    assertThat(add.as.user).isEqualTo("lab");
    assertThat(add.farm).isEqualTo("north");

    CommandLine.ParseResult list = new CommandLine(new PlantspyLauncher()).parseArgs("devices", "list");
    assertThat(((DevicesCommand.ListDevices) list.subcommand().subcommand().commandSpec().userObject()).as.user)
        .isEqualTo("grower");
  }
}
