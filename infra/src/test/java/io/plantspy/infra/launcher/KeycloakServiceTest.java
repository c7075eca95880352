package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Keycloak service is started with and prints, without starting it (KeycloakRealmIT starts it). */
class KeycloakServiceTest {

  @TempDir
  Path dir;

  @Test
  void itsDatabaseOpensNoH2ServerOnTheNetwork() {
    String url = KeycloakService.databaseUrl(new StateFolder(dir));

    assertThat(url).startsWith("jdbc:h2:file:" + dir.resolve("keycloak/keycloakdb"));
    assertThat(url.toUpperCase()).doesNotContain("AUTO_SERVER");
  }

  @Test
  void theSummaryPrintsPasswordsOnlyWhenAsked() throws Exception {
    StateFolder state = new StateFolder(dir);
    Map<String, String> passwords = state.passwords();
    PlatformSettings settings = new PlatformSettings(dir, dir, PlatformSettings.DEFAULT_HOST,
        PlatformSettings.Ports.defaults(), Map.of(), Duration.ofSeconds(1));
    ServiceContext quiet = new ServiceContext(settings, state, line -> {}, false);

    String hidden = String.join("\n", new KeycloakService().summary(quiet));
    String shown = String.join("\n", new KeycloakService().summary(quiet.withSecretsShown(true)));

    assertThat(passwords.values()).allSatisfy(password -> {
      assertThat(hidden).doesNotContain(password);
      assertThat(shown).contains(password);
    });
    assertThat(hidden).contains("./plantspy passwords").contains("grower");
  }

  @Test
  void thePasswordsCommandPrintsThemAndGeneratesNone() throws Exception {
    StateFolder state = new StateFolder(dir.resolve("state"));
    var out = new java.io.ByteArrayOutputStream();

    assertThat(PasswordsCommand.print(state, new java.io.PrintStream(out, true))).isEqualTo(1);
    assertThat(state.usersFile()).doesNotExist();

    Map<String, String> passwords = state.passwords();
    out.reset();
    assertThat(PasswordsCommand.print(state, new java.io.PrintStream(out, true))).isZero();
    assertThat(out.toString()).contains(List.copyOf(passwords.values()).toArray(String[]::new));
  }
}
