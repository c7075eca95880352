package io.plantspy.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine is there for {@link ContainerParts}. Asked before Testcontainers is: without any sign
 * of an engine (no {@code DOCKER_HOST}, no socket where engines put it) Testcontainers would try each of its
 * strategies and log a page of errors, where one line says it all.
 */
final class DockerEngine {

  private DockerEngine() {}

  /** Why the container-backed scenarios cannot run here, or empty when an engine answers. */
  static Optional<String> missing() {
    String dockerHost = System.getenv("DOCKER_HOST");
    String runtimeDir = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
    List<Path> sockets = List.of(Path.of("/var/run/docker.sock"), Path.of(runtimeDir, "docker.sock"),
        Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"));
    if ((dockerHost == null || dockerHost.isBlank()) && sockets.stream().noneMatch(Files::exists)) {
      return Optional.of("no Docker engine here (no DOCKER_HOST, no socket at " + sockets + ")");
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.of("the Docker engine at " + (dockerHost == null ? sockets : dockerHost) + " does not answer");
    }
    return Optional.empty();
  }
}
