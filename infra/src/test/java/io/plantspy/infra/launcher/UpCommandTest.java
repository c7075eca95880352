package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
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

  @Test
  void partsGivenElsewhereAreNotStartedAndTheServicesAreWiredToThem() {
    UpCommand up = parse("up", "--kafka", "broker-1:9092,broker-2:9092", "--mongodb",
        "mongodb://app:secret@mongo-0:27017/?replicaSet=rs0");
    ExternalParts external = up.external(Map.of(UpCommand.EXTERNAL_KEYCLOAK, "http://sso.example:8080/",
        UpCommand.EXTERNAL_KEYCLOAK_ADMIN_PASSWORD, "admin-secret"));
    PlatformSettings settings = new PlatformSettings(dir, dir, PlatformSettings.DEFAULT_HOST,
        PlatformSettings.Ports.defaults(), Map.of(), java.time.Duration.ofSeconds(1), external);

    assertThat(external.replacedServices()).containsExactly("kafka", "keycloak", "mongo");
    assertThat(KafkaService.bootstrap(settings)).isEqualTo("broker-1:9092,broker-2:9092");
    assertThat(MongoService.databaseUri(settings)).isEqualTo("mongodb://app:secret@mongo-0:27017/plantspy?replicaSet=rs0");
    assertThat(BootService.realmUrl(settings)).isEqualTo("http://sso.example:8080/realms/plantspy");
    assertThat(external.addresses()).as("what the state file keeps: no password")
        .containsExactly(Map.entry("kafka", "broker-1:9092,broker-2:9092"), Map.entry("mongo", "mongodb://mongo-0:27017"),
            Map.entry("keycloak", "http://sso.example:8080"));
    assertThat(external.keycloak().orElseThrow().toString()).doesNotContain("admin-secret");
  }

  @Test
  void theBackgroundLauncherOfDetachGetsThePartsGivenElsewhereThroughItsEnvironment() {
    UpCommand up = parse("up", "--detach", "--kafka", "broker-1:9092", "--keycloak", "http://sso.example:8080");
    ExternalParts external = up.external(Map.of(UpCommand.EXTERNAL_KEYCLOAK_ADMIN_PASSWORD, "admin-secret"));
    PlatformSettings settings = new PlatformSettings(dir, dir, PlatformSettings.DEFAULT_HOST,
        PlatformSettings.Ports.defaults(), Map.of(), java.time.Duration.ofSeconds(1), external);

    Map<String, String> environment = UpCommand.externalEnvironment(external);
    UpCommand background = parse(up.supervisorArguments(settings).toArray(String[]::new));

    assertThat(String.join(" ", up.supervisorArguments(settings))).doesNotContain("sso.example", "admin-secret");
    assertThat(background.external(environment)).isEqualTo(external);
  }

  @Test
  void aKeycloakGivenWithoutItsAdminPasswordIsRefusedSayingWhereItGoes() {
    UpCommand up = parse("up", "--keycloak", "http://sso.example:8080");

    assertThatThrownBy(() -> up.external(Map.of())).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining(UpCommand.EXTERNAL_KEYCLOAK_ADMIN_PASSWORD);
  }

  @Test
  void aMalformedMongodbConnectionStringIsRefusedBeforeAnythingStarts() {
    UpCommand up = parse("up", "--mongodb", "mongo-0:27017");

    assertThatThrownBy(() -> up.external(Map.of())).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--mongodb");
  }

  @Test
  void theServicesDatabaseIsPutBetweenTheHostsAndTheOptionsOfAConnectionString() {
    assertThat(MongoService.withDatabase("mongodb://127.0.0.1:27017", "plantspy"))
        .isEqualTo("mongodb://127.0.0.1:27017/plantspy");
    assertThat(MongoService.withDatabase("mongodb://a:1,b:2/?replicaSet=rs0", "plantspy"))
        .isEqualTo("mongodb://a:1,b:2/plantspy?replicaSet=rs0");
    assertThat(MongoService.withDatabase("mongodb+srv://u:p@cluster.example/admin?tls=true", "plantspy"))
        .isEqualTo("mongodb+srv://u:p@cluster.example/plantspy?tls=true");
  }

  private static UpCommand parse(String... args) {
    CommandLine.ParseResult parsed = PlantspyLauncher.commandLine().parseArgs(args);
    return (UpCommand) parsed.subcommand().commandSpec().userObject();
  }
}
