package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.infra.keycloak.KeycloakAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trainer service as {@code ./plantspy up} starts it: at its first start it registered the committed release
 * ({@code models/CURRENT}) as the champion, which its admin API and {@code ./plantspy releases list} show.
 */
@Order(1)
@ExtendWith(ScriptedPlatformExtension.class)
class TrainerServiceScenariosIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static ScriptedPlatform platform;
  private static KeycloakAdmin keycloak;
  private static Map<String, String> passwords;
  private static String committed;

  @BeforeAll
  static void connect(ScriptedPlatform running) throws Exception {
    platform = running;
    passwords = platform.state().passwords();
    keycloak = platform.keycloakAdmin();
    Path models = Path.of(System.getProperty("plantspy.models.dir"));
    committed = Files.readString(models.resolve("CURRENT")).strip();
  }

  @Test
  void listsTheCommittedReleaseAsChampion() throws Exception {
    HttpResponse<String> response = get(keycloak.userToken("admin", passwords.get("admin")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode champion = null;
    for (JsonNode release : JSON.readTree(response.body())) {
      if (release.path("id").asString().equals(committed)) {
        champion = release;
      }
    }
    assertThat(champion).as(response.body()).isNotNull();
    assertThat(champion.path("aliases").get(0).asString()).isEqualTo("champion");
    assertThat(champion.path("location").asString()).startsWith("gridfs:releases/");
  }

  @Test
  void refusesAGrowerAndAnAnonymousCaller() throws Exception {
    assertThat(get(keycloak.userToken("grower", passwords.get("grower"))).statusCode()).isEqualTo(403);
    assertThat(get(null).statusCode()).isEqualTo(401);
  }

  @Test
  void releasesListPrintsTheChampion() throws Exception {
    PlantspyScript.Result list = platform.run("releases", "list");

    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).contains(committed).contains("champion");
  }

  private static HttpResponse<String> get(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + ScriptedPlatform.HOST + ":"
        + platform.port("trainer") + "/api/v1/admin/releases")).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
