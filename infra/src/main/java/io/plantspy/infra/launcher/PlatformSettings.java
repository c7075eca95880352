package io.plantspy.infra.launcher;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the local platform lives and which ports it takes. Every port can be overridden on the command line or
 * through the environment (see {@link UpCommand}); the defaults are the ones the README and the services'
 * own defaults use.
 *
 * @param repoRoot the checkout: jars are found under it and {@code models/} is served from it
 * @param stateDir {@code .plantspy/} under the checkout, or a temporary folder in tests
 * @param host every service binds to this address only (never a public interface)
 */
public record PlatformSettings(Path repoRoot, Path stateDir, String host, Ports ports, Timeouts timeouts) {

  public static final String DEFAULT_HOST = "127.0.0.1";

  public PlatformSettings {
    repoRoot = repoRoot.toAbsolutePath().normalize();
    stateDir = stateDir.toAbsolutePath().normalize();
  }

  /** The settings for a checkout with all defaults: state in {@code ROOT/.plantspy}. */
  public static PlatformSettings defaults(Path repoRoot) {
    return new PlatformSettings(repoRoot, repoRoot.resolve(".plantspy"), DEFAULT_HOST, Ports.defaults(),
        Timeouts.defaults());
  }

  public String kafkaBootstrap() {
    return host + ":" + ports.kafka();
  }

  public String mongoUri() {
    return "mongodb://" + host + ":" + ports.mongo();
  }

  public String keycloakUrl() {
    return "http://" + host + ":" + ports.keycloak();
  }

  public String apiUrl() {
    return "http://" + host + ":" + ports.api();
  }

  /** The ports of each service; two services on one port would fail late and confusingly, so refuse early. */
  public record Ports(int api, int keycloak, int keycloakManagement, int kafka, int kafkaController, int mongo) {

    public Ports {
      int[] all = {api, keycloak, keycloakManagement, kafka, kafkaController, mongo};
      for (int i = 0; i < all.length; i++) {
        if (all[i] <= 0 || all[i] > 65535) {
          throw new IllegalArgumentException("port out of range: " + all[i]);
        }
        for (int j = i + 1; j < all.length; j++) {
          if (all[i] == all[j]) {
            throw new IllegalArgumentException("port " + all[i] + " is configured for two services");
          }
        }
      }
    }

    public static Ports defaults() {
      return new Ports(8080, 8081, 9001, 9092, 9093, 27017);
    }
  }

  /** How long each service may take to become ready; Keycloak's first start (build + realm import) is slow. */
  public record Timeouts(Duration kafka, Duration mongo, Duration keycloak, Duration processor, Duration api,
      Duration stop) {

    public static Timeouts defaults() {
      return new Timeouts(Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofSeconds(240),
          Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(30));
    }
  }
}
