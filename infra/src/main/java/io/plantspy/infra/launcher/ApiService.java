package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The ingest API's executable jar, pointed at the platform's Kafka, Mongo and Keycloak realm. */
final class ApiService {

  static final String NAME = "ingest-api";

  private ApiService() {}

  static ChildProcess start(PlatformSettings settings, StateFolder state, Path jar) throws IOException {
    return ChildProcess.start(NAME, JavaCommand.jar(List.of("-Xmx768m", JavaCommand.THROUGHPUT_GC), jar, List.of(
            "--server.port=" + settings.ports().api(),
            "--server.address=" + settings.host(),
            "--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
            "--spring.mongodb.uri=" + settings.mongoUri() + "/plantspy",
            "--plantspy.security.issuer-uri=" + settings.keycloakUrl() + "/realms/" + KeycloakServer.REALM)),
        settings.repoRoot(), state.log(NAME), Map.of());
  }

  static void awaitReady(ChildProcess api, PlatformSettings settings) throws ServiceFailedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).build();
    Readiness.await(api, settings.timeouts().api(),
        () -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }
}
