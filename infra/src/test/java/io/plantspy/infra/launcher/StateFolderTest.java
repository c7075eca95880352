package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state folder: demo passwords are generated once, kept private, and reused by every later start. */
class StateFolderTest {

  @TempDir
  Path dir;

  @Test
  void passwordsAreGeneratedAtFirstUseForEveryDemoUserAndKeycloakAdmin() throws Exception {
    Map<String, String> passwords = new StateFolder(dir.resolve(".plantspy")).passwords();

    assertThat(passwords).containsOnlyKeys(StateFolder.KEYCLOAK_ADMIN, "admin", "lab", "grower", "viewer");
    assertThat(passwords.values()).allSatisfy(p -> assertThat(p).hasSize(20).matches("[a-zA-Z0-9]+"));
    assertThat(passwords.values()).doesNotHaveDuplicates();
    assertThat(Files.getPosixFilePermissions(dir.resolve(".plantspy/users.properties")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void laterStartsReuseTheSavedPasswords() throws Exception {
    Map<String, String> first = new StateFolder(dir).passwords();
    long written = Files.getLastModifiedTime(dir.resolve("users.properties")).toMillis();

    Map<String, String> again = new StateFolder(dir).passwords();

    assertThat(again).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(dir.resolve("users.properties")).toMillis()).isEqualTo(written);
  }

  @Test
  void aMissingUserGetsAPasswordWithoutChangingTheOthers() throws Exception {
    StateFolder state = new StateFolder(dir);
    Map<String, String> first = state.passwords();
    Properties saved = new Properties();
    try (var in = Files.newBufferedReader(state.usersFile())) {
      saved.load(in);
    }
    saved.remove("viewer");
    try (var out = Files.newBufferedWriter(state.usersFile())) {
      saved.store(out, null);
    }

    Map<String, String> again = state.passwords();

    assertThat(again.get("viewer")).isNotBlank().isNotEqualTo(first.get("viewer"));
    assertThat(again).containsAllEntriesOf(Map.of("grower", first.get("grower"), "admin", first.get("admin")));
  }

  @Test
  void platformFileRoundTripsAndClearingTwiceIsFine() throws Exception {
    StateFolder state = new StateFolder(dir);
    Properties p = new Properties();
    p.setProperty("services", "kafka,mongo");
    p.setProperty("kafka.pid", "12345");
    state.savePlatform(p);

    assertThat(state.platform()).isEqualTo(p);
    state.clearPlatform();
    state.clearPlatform();
    assertThat(state.platform()).isEmpty();
    assertThat(DetachedPlatform.load(state).recorded()).isFalse();
  }

  @Test
  void createMakesTheServiceFolders() throws Exception {
    StateFolder state = new StateFolder(dir);
    state.create();
    assertThat(state.logs()).isDirectory();
    assertThat(state.kafkaData()).isDirectory();
    assertThat(state.mongoFile().getParent()).isDirectory();
  }
}
