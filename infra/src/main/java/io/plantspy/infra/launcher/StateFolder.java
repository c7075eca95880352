package io.plantspy.infra.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's state folder ({@code .plantspy/}, gitignored): logs, Kafka's and Mongo's data,
 * {@code platform.json} (the {@link PlatformState} of a running platform) and {@code users.properties} (the demo
 * users' passwords, generated once and reused so tokens and logins keep working across restarts).
 */
public final class StateFolder {

  /** The key in users.properties of Keycloak's bootstrap admin (of the master realm, not a demo user). */
  public static final String KEYCLOAK_ADMIN = "keycloak-admin";

  private static final char[] ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int PASSWORD_LENGTH = 20;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path root;

  public StateFolder(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path logs() {
    return root.resolve("logs");
  }

  public Path log(String service) {
    return logs().resolve(service + ".log");
  }

  public Path kafkaData() {
    return root.resolve("kafka");
  }

  public Path mongoFile() {
    return root.resolve("mongo").resolve("mongo.mv");
  }

  public Path keycloakData() {
    return root.resolve("keycloak");
  }

  public Path streamsState() {
    return root.resolve("streams");
  }

  public Path platformFile() {
    return root.resolve("platform.json");
  }

  public Path usersFile() {
    return root.resolve("users.properties");
  }

  /** Creates the folders the services write to. */
  public void create() throws IOException {
    for (Path dir : new Path[] {logs(), kafkaData(), mongoFile().getParent(), keycloakData(), streamsState()}) {
      Files.createDirectories(dir);
    }
  }

  /**
   * The password of each demo user and of Keycloak's admin: read from users.properties, and any missing one
   * generated with SecureRandom and saved, so the first start decides them and later starts reuse them.
   */
  public synchronized Map<String, String> passwords() throws IOException {
    Properties saved = load(usersFile());
    boolean changed = false;
    SecureRandom random = new SecureRandom();
    Map<String, String> passwords = new LinkedHashMap<>();
    for (String user : usernames()) {
      String password = saved.getProperty(user);
      if (password == null || password.isBlank()) {
        password = generate(random);
        saved.setProperty(user, password);
        changed = true;
      }
      passwords.put(user, password);
    }
    if (changed) {
      store(usersFile(), saved, "PlantSpy demo users' passwords, generated at first start. Never commit.");
      ownerOnly(usersFile());
    }
    return passwords;
  }

  /** The platform as {@code up} recorded it; empty when none was started or it was stopped with {@code down}. */
  public Optional<PlatformState> platform() throws IOException {
    if (!Files.exists(platformFile())) {
      return Optional.empty();
    }
    try (Reader reader = Files.newBufferedReader(platformFile())) {
      return Optional.of(JSON.readValue(reader, PlatformState.class));
    } catch (JacksonException e) {
      throw new IOException("unreadable " + platformFile() + " (delete it if no platform runs): " + e.getMessage(), e);
    }
  }

  public void savePlatform(PlatformState platform) throws IOException {
    Files.createDirectories(root);
    Path temp = platformFile().resolveSibling(platformFile().getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temp)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(writer, platform);
    }
    Files.move(temp, platformFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public void clearPlatform() throws IOException {
    Files.deleteIfExists(platformFile());
  }

  private static Iterable<String> usernames() {
    java.util.List<String> names = new java.util.ArrayList<>();
    names.add(KEYCLOAK_ADMIN);
    DemoUser.ALL.forEach(u -> names.add(u.username()));
    return names;
  }

  private static String generate(SecureRandom random) {
    char[] password = new char[PASSWORD_LENGTH];
    for (int i = 0; i < password.length; i++) {
      password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(password);
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      }
    }
    return properties;
  }

  private static void store(Path file, Properties properties, String comment) throws IOException {
    Files.createDirectories(file.getParent());
    // Write then move, so a crash never leaves half a file (and lost passwords) behind.
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temp)) {
      properties.store(writer, comment);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void ownerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException notPosix) {
      // Not a POSIX file system: the folder is gitignored, which is the protection that matters.
    }
  }
}
