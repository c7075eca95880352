package io.plantspy.infra.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's state folder ({@code .plantspy/}, gitignored): logs, Kafka's and Mongo's data,
 * {@code platform.json} (the {@link PlatformState} of a running platform) and {@code users.properties} (the demo
 * users' passwords, generated once and reused so tokens and logins keep working across restarts).
 *
 * <p>It holds secrets (the passwords, Keycloak's database with the realm's private key and admin hashes), so it is
 * the owner's only: the folders are 0700 and the files 0600, including those an older launcher left readable.
 */
public final class StateFolder {

  /** The key in users.properties of Keycloak's bootstrap admin (of the master realm, not a demo user). */
  public static final String KEYCLOAK_ADMIN = "keycloak-admin";
  /** The feed gateway's service account on the MQTT broker (a service secret, not a demo user's password). */
  public static final String FEED_GATEWAY = "feed-gateway";

  private static final char[] ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int PASSWORD_LENGTH = 20;

  private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

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

  /**
   * Creates the folders the services write to, owner-only, and takes every other permission off what is already
   * in the folder (a state folder from before this rule, or a file a service created with a looser umask).
   */
  public void create() throws IOException {
    ownerOnlyDirectory(root);
    for (Path dir : new Path[] {logs(), kafkaData(), mongoFile().getParent(), keycloakData(), streamsState()}) {
      ownerOnlyDirectory(dir);
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path path : (Iterable<Path>) all::iterator) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          restrict(path, OWNER_DIRECTORY);
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          restrict(path, OWNER_FILE);
        }
      }
    }
  }

  /** Creates {@code file} empty and owner-only if it does not exist (a log the launcher then appends to). */
  public static void createOwnerOnlyFile(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // Someone else created it meanwhile: restricted below.
      }
    }
    restrict(file, OWNER_FILE);
  }

  private static void ownerOnlyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir.getParent());
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
      } catch (UnsupportedOperationException notPosix) {
        Files.createDirectory(dir);
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // Created meanwhile: restricted below.
      }
    }
    restrict(dir, OWNER_DIRECTORY);
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
    }
    return passwords;
  }

  public Path servicesFile() {
    return root.resolve("services.properties");
  }

  /**
   * A secret one service shares with another (the feed gateway's password on the MQTT broker): read from
   * services.properties, generated with SecureRandom and saved at first use, so a restarted service gets the same.
   */
  public synchronized String serviceSecret(String name) throws IOException {
    Properties saved = load(servicesFile());
    String secret = saved.getProperty(name);
    if (secret == null || secret.isBlank()) {
      secret = generate(new SecureRandom());
      saved.setProperty(name, secret);
      store(servicesFile(), saved, "Secrets the platform's services share, generated at first start. Never commit.");
    }
    return secret;
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
    ownerOnlyDirectory(root);
    Path temp = platformFile().resolveSibling(platformFile().getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    createOwnerOnlyFile(temp);
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
    ownerOnlyDirectory(file.getParent());
    // Write then move, so a crash never leaves half a file (and lost passwords) behind.
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    // Owner-only before the first byte is written, not after: the passwords are never readable by others.
    Files.deleteIfExists(temp);
    createOwnerOnlyFile(temp);
    try (Writer writer = Files.newBufferedWriter(temp)) {
      properties.store(writer, comment);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    try {
      if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
        Files.setPosixFilePermissions(path, permissions);
      }
    } catch (UnsupportedOperationException notPosix) {
      // Not a POSIX file system: the folder is gitignored, which is the protection left.
    }
  }
}
