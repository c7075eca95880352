package io.plantspy.feeds.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The device registry's guards on the running gateway: the per-owner quota under concurrent registrations, and the
 * security chain's refusals (401 without a token, 403 for the actuator without admin) as problem JSON.
 */
class DeviceRegistryIT {

  private static final int QUOTA = 3;
  private static FeedPlatform platform;

  @BeforeAll
  static void start() {
    platform = FeedPlatform.start("--plantspy.feeds.devices.quota=" + QUOTA);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void concurrentRegistrationsNeverExceedTheQuota() {
    String owner = "racer";
    List<Integer> statuses = Flux.range(0, 24)
        .flatMap(i -> registration(owner, "camera " + i), 24)
        .collectList().block(Duration.ofSeconds(60));
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(QUOTA);
    assertThat(statuses).filteredOn(s -> s == 403).hasSize(24 - QUOTA);
    assertThat(platform.as(owner).get().uri("/api/v1/devices").exchange().expectStatus().isOk()
        .expectBody(List.class).returnResult().getResponseBody()).hasSize(QUOTA);
  }

  @Test
  void aRemovedDeviceFreesItsPlaceInTheQuota() {
    String owner = "mover";
    List<String> ids = IntStream.range(0, QUOTA).mapToObj(i -> FeedIT.register(platform, owner, "east", "cam " + i))
        .map(d -> (String) d.get("mqttUsername")).toList();
    assertThat(registration(owner, "one too many").block()).isEqualTo(403);
    platform.as(owner).delete().uri("/api/v1/devices/" + ids.get(0)).exchange().expectStatus().isNoContent();
    assertThat(registration(owner, "in its place").block()).isEqualTo(201);
    assertThat(registration(owner, "one too many again").block()).isEqualTo(403);
  }

  @Test
  void anAdminRegistersBeyondTheQuota() {
    IntStream.range(0, QUOTA + 2).forEach(i -> FeedIT.register(platform, "boss", "hq", "cam " + i, "admin"));
  }

  @Test
  void refusesCallsWithoutATokenAndTheActuatorWithoutAdmin() {
    platform.client().get().uri("/api/v1/devices").exchange().expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    platform.as("grower").get().uri("/actuator/metrics").exchange().expectStatus().isForbidden()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    platform.as("root", "admin").get().uri("/actuator/metrics").exchange().expectStatus().isOk();
    platform.client().get().uri("/actuator/health").exchange().expectStatus().isOk();
  }

  /** The status of one registration, sent on its own connection so that all of them race. */
  private static Mono<Integer> registration(String owner, String name) {
    return WebClient.create(platform.baseUrl()).post().uri("/api/v1/devices")
        .header("Authorization", "Bearer " + TestTokens.valid(owner))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("farm", "race", "name", name))
        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
  }
}
