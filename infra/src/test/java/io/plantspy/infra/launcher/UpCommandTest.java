package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code up}'s options, derived from the services' declarations, keep the names and variables users know. */
class UpCommandTest {

  @TempDir
  Path dir;

  @Test
  void everyDeclaredPortHasTheOptionAndEnvironmentVariableItAlwaysHad() {
    CommandLine up = PlantspyLauncher.commandLine().getSubcommands().get("up");

    assertThat(up.getCommandSpec().options()).flatExtracting(o -> java.util.List.of(o.names()))
        .contains("--api-port", "--keycloak-port", "--keycloak-management-port", "--kafka-port",
            "--kafka-controller-port", "--mongo-port");
    // Uninterpolated, the default names the environment variable that overrides it.
    up.getCommandSpec().interpolateVariables(false);
    OptionSpec management = up.getCommandSpec().findOption("--keycloak-management-port");
    assertThat(management.defaultValue()).isEqualTo("${env:PLANTSPY_KEYCLOAK_MANAGEMENT_PORT:-9001}");
    assertThat(up.getCommandSpec().findOption("--api-port").defaultValue())
        .isEqualTo("${env:PLANTSPY_API_PORT:-8080}");
  }

  @Test
  void portOptionsReachTheSettingsAndUnsetOnesKeepTheirDefault() {
    UpCommand up = parse("up", "--api-port", "18080", "--kafka-controller-port", "19093");

    PlatformSettings settings = up.settings(new StateFolder(dir));

    assertThat(settings.port(ApiService.PORT)).isEqualTo(18080);
    assertThat(settings.port(KafkaService.CONTROLLER)).isEqualTo(19093);
    assertThat(settings.port(KafkaService.LISTENER)).isEqualTo(9092);
    assertThat(settings.stateDir()).isEqualTo(dir.toAbsolutePath());
  }

  @Test
  void twoServicesOnOnePortAreRefusedBeforeAnythingStarts() {
    UpCommand up = parse("up", "--api-port", "9092");

    assertThatThrownBy(() -> up.settings(new StateFolder(dir))).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("9092").hasMessageContaining("api").hasMessageContaining("kafka");
  }

  @Test
  void withoutLeavesOutTheNamedServicesInAnyCaseAndKeepsTheStartOrder() {
    UpCommand up = parse("up", "--without", "PROCESSOR,api,Trainer");

    assertThat(up.services()).extracting(PlatformService::name)
        .containsExactly("kafka", "mongo", "keycloak", "webhooks", "feed-broker", "feed-gateway", "web");
  }

  @Test
  void withoutAnUnknownServiceNamesTheKnownOnes() {
    UpCommand up = parse("up", "--without", "broker");

    assertThatThrownBy(up::services).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("broker").hasMessageContaining("kafka, mongo, keycloak, processor, api, trainer");
  }

  @Test
  void theBackgroundLauncherOfDetachIsGivenTheSameSettingsAndServices() {
    UpCommand up = parse("up", "--detach", "--api-port", "18080", "--host", "127.0.0.2", "--without", "api",
        "--max-restarts", "2", "--restart-window", "1m");
    PlatformSettings settings = up.settings(new StateFolder(dir));

    UpCommand background = parse(up.supervisorArguments(settings).toArray(String[]::new));

    assertThat(background.supervise).isTrue();
    assertThat(background.detach).isFalse();
    assertThat(background.settings(new StateFolder(dir))).isEqualTo(settings);
    assertThat(background.services()).isEqualTo(up.services());
    assertThat(background.maxRestarts).isEqualTo(2);
    assertThat(background.restartWindow).isEqualTo(java.time.Duration.ofMinutes(1));
  }

  private static UpCommand parse(String... args) {
    CommandLine.ParseResult parsed = PlantspyLauncher.commandLine().parseArgs(args);
    return (UpCommand) parsed.subcommand().commandSpec().userObject();
  }
}
