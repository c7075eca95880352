package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
  void platformStateRoundTripsAndClearingTwiceIsFine() throws Exception {
    StateFolder state = new StateFolder(dir);
    PlatformState up = new PlatformState("127.0.0.1", 4321, java.time.Instant.parse("2026-11-28T05:59:59.990Z"),
        Map.of("kafka", 19092, "api", 18080), List.of(
        new PlatformState.RecordedService("kafka", 12345, java.time.Instant.parse("2026-11-28T06:00:00.120Z"),
            dir.resolve("logs/kafka.log"), 19092, 2),
        new PlatformState.RecordedService("stream-processor", 12346, null, dir.resolve("logs/stream-processor.log"),
            0, 0)));
    state.savePlatform(up);

    assertThat(state.platform()).contains(up);
    assertThat(state.platform().orElseThrow().port(ApiService.PORT)).isEqualTo(18080);
    assertThat(state.platform().orElseThrow().port(MongoService.PORT)).as("not recorded: the default")
        .isEqualTo(27017);
    state.clearPlatform();
    state.clearPlatform();
    assertThat(state.platform()).isEmpty();
  }

  @Test
  void anUnreadablePlatformFileSaysWhichFileAndWhatToDo() throws Exception {
    StateFolder state = new StateFolder(dir);
    Files.writeString(state.platformFile(), "services=kafka,mongo\n");

    assertThatThrownBy(state::platform).isInstanceOf(java.io.IOException.class)
        .hasMessageContaining(state.platformFile().toString()).hasMessageContaining("delete it");
  }

  @Test
  void createMakesTheServiceFolders() throws Exception {
    StateFolder state = new StateFolder(dir);
    state.create();
    assertThat(state.logs()).isDirectory();
    assertThat(state.kafkaData()).isDirectory();
    assertThat(state.mongoFile().getParent()).isDirectory();
  }

  @Test
  void theFolderAndEverythingInItAreTheOwnersOnlyEvenWhatAnOlderLauncherLeftReadable() throws Exception {
    StateFolder state = new StateFolder(dir.resolve(".plantspy"));
    Files.createDirectories(state.keycloakData(), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(state.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path keycloakDb = Files.writeString(state.keycloakData().resolve("keycloakdb.mv.db"), "realm private key");
    Files.setPosixFilePermissions(keycloakDb, PosixFilePermissions.fromString("rw-r--r--"));

    state.create();
    state.savePlatform(new PlatformState("127.0.0.1", 0, null, Map.of(), List.of()));
    state.passwords();

    for (Path folder : List.of(state.root(), state.logs(), state.kafkaData(), state.keycloakData(),
        state.mongoFile().getParent(), state.streamsState())) {
      assertThat(Files.getPosixFilePermissions(folder)).as("%s", folder)
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
    for (Path file : List.of(keycloakDb, state.platformFile(), state.usersFile())) {
      assertThat(Files.getPosixFilePermissions(file)).as("%s", file)
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void aServiceSecretIsGeneratedOnceKeptOwnerOnlyAndApartFromTheUsersPasswords() throws Exception {
    StateFolder state = new StateFolder(dir.resolve(".plantspy"));
    String secret = state.serviceSecret(StateFolder.FEED_GATEWAY);

    assertThat(secret).hasSize(20).matches("[a-zA-Z0-9]+");
    assertThat(new StateFolder(dir.resolve(".plantspy")).serviceSecret(StateFolder.FEED_GATEWAY)).isEqualTo(secret);
    assertThat(state.serviceSecret("another")).isNotEqualTo(secret);
    assertThat(state.passwords()).doesNotContainKey(StateFolder.FEED_GATEWAY).doesNotContainValue(secret);
    assertThat(Files.getPosixFilePermissions(state.servicesFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }
}
