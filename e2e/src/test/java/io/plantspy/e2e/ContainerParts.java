package io.plantspy.e2e;

import io.plantspy.infra.keycloak.KeycloakServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The platform's Kafka, MongoDB and Keycloak as real containers (Testcontainers), the images Compose runs: the
 * second way of starting the parts. {@code ./plantspy up} is given them as parts that run elsewhere (the
 * variables {@link #environment()} names) and starts only PlantSpy's services, wired to them.
 */
final class ContainerParts implements AutoCloseable {

  // The images of infra/compose/compose.yaml, so that both ways of running on containers meet the same servers.
  static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.1.0");
  static final DockerImageName MONGODB = DockerImageName.parse("mongo:8.0");
  static final DockerImageName KEYCLOAK = DockerImageName.parse("quay.io/keycloak/keycloak:26.5.6");
  private static final int KEYCLOAK_HTTP = 8080;
  private static final String KEYCLOAK_ADMIN = "admin";

  private final KafkaContainer kafka;
  private final MongoDBContainer mongodb;
  private final GenericContainer<?> keycloak;
  private final String keycloakAdminPassword = "e2e-" + UUID.randomUUID();

  private ContainerParts() throws IOException {
    kafka = new KafkaContainer(KAFKA);
    // A one-node replica set, as production runs it (the Compose file does the same).
    mongodb = new MongoDBContainer(MONGODB).withReplicaSet();
    keycloak = new GenericContainer<>(KEYCLOAK)
        .withCommand("start-dev", "--import-realm", "--http-port=" + KEYCLOAK_HTTP)
        .withEnv(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN,
            "KC_BOOTSTRAP_ADMIN_PASSWORD", keycloakAdminPassword))
        .withCopyToContainer(Transferable.of(KeycloakServer.realmFile()),
            "/opt/keycloak/data/import/plantspy-realm.json")
        .withExposedPorts(KEYCLOAK_HTTP)
        .waitingFor(Wait.forHttp("/realms/" + KeycloakServer.REALM).forPort(KEYCLOAK_HTTP)
            .withStartupTimeout(Duration.ofMinutes(4)));
  }

  /** Pulls what is missing and starts the three side by side; returns once each answers. */
  static ContainerParts start() throws IOException {
    ContainerParts parts = new ContainerParts();
    try {
      Startables.deepStart(Stream.of(parts.kafka, parts.mongodb, parts.keycloak)).join();
    } catch (RuntimeException e) {
      parts.close();
      throw e;
    }
    return parts;
  }

  /** What {@code ./plantspy up} is told about them (see its {@code --kafka}, {@code --mongodb}, {@code --keycloak}). */
  Map<String, String> environment() {
    return Map.of(
        "PLANTSPY_KAFKA_BOOTSTRAP_SERVERS", kafka.getBootstrapServers(),
        "PLANTSPY_MONGODB_URI", mongodb.getConnectionString(),
        "PLANTSPY_KEYCLOAK_URL", keycloakUrl(),
        "PLANTSPY_KEYCLOAK_ADMIN_USER", KEYCLOAK_ADMIN,
        "PLANTSPY_KEYCLOAK_ADMIN_PASSWORD", keycloakAdminPassword);
  }

  String keycloakUrl() {
    return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(KEYCLOAK_HTTP);
  }

  String keycloakAdminPassword() {
    return keycloakAdminPassword;
  }

  @Override
  public void close() {
    Stream.of(keycloak, mongodb, kafka).forEach(GenericContainer::stop);
  }
}
