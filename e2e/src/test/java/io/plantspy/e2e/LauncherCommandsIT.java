package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.infra.launcher.PlatformService;
import io.plantspy.infra.launcher.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The launcher's commands through the real script, against the platform {@code up --detach} started. */
@Order(2)
@ExtendWith(ScriptedPlatformExtension.class)
class LauncherCommandsIT {

  private static ScriptedPlatform platform;

  @TempDir
  Path dir;

  @BeforeAll
  static void connect(ScriptedPlatform running) {
    platform = running;
  }

  @Test
  void statusListsEveryServiceUpOnItsPortAndTheSupervisor() throws Exception {
    PlantspyScript.Result status = platform.run("status");

    assertThat(status.exitCode()).as(status.toString()).isZero();
    List<String> lines = status.out().lines().toList();
    // Every service, then the background launcher up --detach left to restart them when they die.
    List<String> expected = new java.util.ArrayList<>(Services.ALL.stream().map(PlatformService::name).toList());
    expected.add("supervisor");
    assertThat(lines).extracting(l -> l.split("\\s+")[0]).containsExactlyElementsOf(expected);
    assertThat(lines).allSatisfy(l -> assertThat(l.split("\\s+")[1]).as(l).isEqualTo("UP"));
    assertThat(status.out()).contains(ScriptedPlatform.HOST + ":" + platform.port("api"))
        .contains(ScriptedPlatform.HOST + ":" + platform.port("kafka"))
        .contains(ScriptedPlatform.HOST + ":" + platform.port("keycloak"))
        .contains(ScriptedPlatform.HOST + ":" + platform.port("mongo"));
  }

  @Test
  void tokenPrintsAnAccessTokenOfThatDemoUser() throws Exception {
    PlantspyScript.Result token = platform.run("token", "grower");

    assertThat(token.exitCode()).as(token.toString()).isZero();
    String[] parts = token.out().trim().split("\\.");
    assertThat(parts).as(token.out()).hasSize(3);
    JsonNode claims = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.path("preferred_username").asString()).isEqualTo("grower");
    assertThat(claims.path("iss").asString()).isEqualTo(platform.keycloakUrl() + "/realms/plantspy");
  }

  @Test
  void tokenForSomeoneWhoIsNotADemoUserIsRefusedWithTheirNames() throws Exception {
    PlantspyScript.Result token = platform.run("token", "mallory");

    assertThat(token.exitCode()).isEqualTo(1);
    assertThat(token.err()).contains("unknown demo user mallory").contains("grower");
  }

  @Test
  void diagnoseAnswersForAKnownLeaf() throws Exception {
    Path photo = Files.write(dir.resolve("tomato.jpg"), LeafPhotos.knownLeaf("Tomato___healthy"));

    PlantspyScript.Result diagnose = platform.run("diagnose", photo.toString());

    assertThat(diagnose.exitCode()).as(diagnose.toString()).isZero();
    assertThat(diagnose.out().trim()).startsWith(photo + ":").contains("category Tomato").contains("health healthy");
  }

  @Test
  void diagnoseAnswersAsJsonForAnyPhoto() throws Exception {
    Path photo = Files.write(dir.resolve("made-up.jpg"), LeafPhotos.madeUp());

    PlantspyScript.Result diagnose = platform.run("diagnose", "--json", "--user", "viewer", photo.toString());

    assertThat(diagnose.exitCode()).as(diagnose.toString()).isZero();
    JsonNode answer = JsonMapper.builder().build().readTree(diagnose.out().getBytes(StandardCharsets.UTF_8));
    assertThat(answer.path("input").asString()).isEqualTo(photo.toString());
    assertThat(answer.has("error")).as(diagnose.out()).isFalse();
    assertThat(answer.path("modelRelease").asString()).isNotBlank();
    // The viewer may see the crop only.
    assertThat(answer.has("health")).isFalse();
  }

  @Test
  void aSecondUpIsRefusedWhileThePlatformRuns() throws Exception {
    PlantspyScript.Result up = platform.run("up", "--detach");

    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.err()).contains("already running");
  }
}
