package io.plantspy.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real Keycloak server (the keycloak-quarkus-dist the build unpacks into ~/.cache/plantspy) as a child
 * process with the committed {@code plantspy} realm imported, and stops it on {@link #close()}. Used by the
 * platform launcher and by integration tests that need real tokens.
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String REALM = "plantspy";
  private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
  private static final String REALM_RESOURCE = "/plantspy-realm.json";

  private final Process process;
  private final KeycloakSettings settings;

  private KeycloakServer(Process process, KeycloakSettings settings) {
    this.process = process;
    this.settings = settings;
  }

  /** The committed realm file, as Keycloak imports it. */
  public static String realmFile() throws IOException {
    try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
      return new String(realm.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Starts Keycloak and returns once the realm answers, or fails with the end of Keycloak's log. */
  public static KeycloakServer start(KeycloakSettings settings) throws IOException, InterruptedException {
    return start(settings, java.util.Map.of());
  }

  /**
   * As {@link #start(KeycloakSettings)}, with extra {@code KC_*} environment for Keycloak; the platform launcher
   * uses it to keep Keycloak's database in its own state folder ({@code KC_DB_URL}).
   */
  public static KeycloakServer start(KeycloakSettings settings, java.util.Map<String, String> environment)
      throws IOException, InterruptedException {
    Path home = settings.home();
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IOException("no Keycloak at " + home + ": build the infra module (./mvnw -pl infra package), "
          + "it unpacks org.keycloak:keycloak-quarkus-dist from Maven Central");
    }
    Path importDir = home.resolve("data/import");
    Files.createDirectories(importDir);
    try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
      Files.copy(realm, importDir.resolve("plantspy-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(settings.logFile().getParent());
    createOwnerOnly(settings.logFile());
    // umask 077 (through exec, so the pid stays kc.sh's): its database holds the realm's private key and the
    // admin's password hash, and its files must be the owner's only.
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\"",
        home.resolve("bin/kc.sh").toString(), "start-dev",
        "--import-realm", "--http-host=" + settings.host(), "--http-port=" + settings.httpPort(),
        "--http-management-host=" + settings.host(), "--http-management-port=" + settings.managementPort(),
        "--health-enabled=true"));
    command.addAll(settings.databaseOptions());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(settings.logFile().toFile());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
    builder.environment().putAll(environment);
    log.info("starting Keycloak on port {} (log: {})", settings.httpPort(), settings.logFile());
    KeycloakServer server = new KeycloakServer(builder.start(), settings);
    try {
      server.awaitRealm(settings.startTimeout());
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  // The log can show admin operations; created before Keycloak writes to it, so it is never readable by others.
  private static void createOwnerOnly(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
  }

  public String baseUrl() {
    return "http://" + settings.host() + ":" + settings.httpPort();
  }

  /** The {@code iss} of the realm's tokens, which resource servers check. */
  public String issuer() {
    return baseUrl() + "/realms/" + REALM;
  }

  /** The pid of kc.sh (the shell that set the umask exec'd it), which forwards SIGTERM to the Keycloak JVM it runs (a detached platform stops it so). */
  public long pid() {
    return process.pid();
  }

  public KeycloakAdmin admin() {
    return new KeycloakAdmin(baseUrl(), settings.adminUser(), settings.adminPassword());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitRealm(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
        .timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IOException("Keycloak did not serve realm " + REALM + " within " + timeout + ":\n" + logTail());
  }

  private String logTail() throws IOException {
    List<String> lines = Files.readAllLines(settings.logFile());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
