package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakAdmin;
import io.plantspy.infra.keycloak.KeycloakServer;
import io.plantspy.infra.keycloak.KeycloakSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak with the {@code plantspy} realm, its database in the state folder; ready once every demo user gets a
 * token, and demo users that do not yet exist are created then (first start), with their saved passwords.
 */
final class KeycloakService implements PlatformService {

  static final NamedPort HTTP = new NamedPort("keycloak", 8081);
  static final NamedPort MANAGEMENT = new NamedPort("keycloak-management", 9001);
  static final String ADMIN_USER = "admin";
  // The first start builds Keycloak and imports the realm: slow.
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
  private static final String NAME = "keycloak";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String key() {
    return NAME;
  }

  @Override
  public List<NamedPort> ports() {
    return List.of(HTTP, MANAGEMENT);
  }

  /** Returns once the realm answers: {@link KeycloakServer#start} waits for it. */
  @Override
  public ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException {
    PlatformSettings settings = context.settings();
    StateFolder state = context.state();
    KeycloakSettings keycloak = new KeycloakSettings(KeycloakSettings.defaultHome(), settings.host(),
        settings.port(HTTP), settings.port(MANAGEMENT), ADMIN_USER, state.passwords().get(StateFolder.KEYCLOAK_ADMIN),
        state.log(NAME), true, READY_TIMEOUT);
    Map<String, String> env = Map.of("KC_DB_URL", databaseUrl(state));
    KeycloakServer server;
    try {
      server = KeycloakServer.start(keycloak, env);
    } catch (IOException e) {
      throw new ServiceFailedException(NAME, e.getMessage(), state.log(NAME), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceFailedException(NAME, "interrupted", state.log(NAME), e);
    }
    return new ChildProcess(NAME, ProcessHandle.of(server.pid()).orElseThrow(), state.log(NAME));
  }

  /**
   * Keycloak's H2 database, in the state folder next to the passwords that were used to fill it. Keycloak's own
   * dev-file URL adds {@code AUTO_SERVER=TRUE}, which lets a second process share the file by opening an H2 TCP
   * server on every interface: a way in to the realm's private key. Only the Keycloak JVM opens this database (a
   * restarted one after the old one has exited), so the file lock alone is right.
   */
  static String databaseUrl(StateFolder state) {
    return "jdbc:h2:file:" + state.keycloakData().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE";
  }

  @Override
  public void awaitReady(ChildProcess process, ServiceContext context) throws ServiceFailedException {
    try {
      ensureDemoUsers(admin(context.settings(), context.state().passwords()), context);
    } catch (IOException | RuntimeException e) {
      throw new ServiceFailedException(NAME, "creating the demo users failed: " + e.getMessage(), process.log(), e);
    }
  }

  /**
   * Prepares a Keycloak that runs elsewhere as a start prepares the platform's own: waits until it answers, imports
   * the committed realm if it lacks it, and creates the demo users it lacks with this state folder's passwords.
   */
  static void prepareExternal(ExternalParts.Keycloak keycloak, ServiceContext context) throws ServiceFailedException {
    context.out().accept("using the Keycloak at " + keycloak.url());
    KeycloakAdmin admin = new KeycloakAdmin(keycloak.url(), keycloak.adminUser(), keycloak.adminPassword());
    Readiness.awaitExternal(NAME, READY_TIMEOUT, () -> {
      if (!admin.realmExists()) {
        context.out().accept("importing realm " + KeycloakServer.REALM + " into " + keycloak.url());
        admin.importRealm();
      }
      return true;
    });
    try {
      ensureDemoUsers(admin, context);
    } catch (IOException | RuntimeException e) {
      throw new ServiceFailedException(NAME, "creating the demo users at " + keycloak.url() + " failed: "
          + e.getMessage(), null, e);
    }
  }

  /**
   * Makes every demo user get a token with its saved password: creates those missing (on a first start). A Keycloak
   * shared with another state folder may already have them with that folder's passwords: they take this one's.
   */
  private static void ensureDemoUsers(KeycloakAdmin admin, ServiceContext context) throws IOException {
    Map<String, String> passwords = context.state().passwords();
    for (DemoUser user : DemoUser.ALL) {
      String password = passwords.get(user.username());
      if (admin.passwordGrant(KeycloakServer.REALM, "plantspy-cli", user.username(), password).statusCode() == 200) {
        continue;
      }
      if (admin.userExists(user.username())) {
        context.out().accept("demo user " + user.username() + " exists with another password: giving it this "
            + "state folder's");
        admin.resetPassword(user.username(), password);
      } else {
        context.out().accept("creating demo user " + user.username() + " " + user.roles());
        admin.createUser(user.username(), password, user.roles());
      }
    }
  }

  /** The URLs and demo users; their passwords only when {@link ServiceContext#showSecrets()} says so. */
  @Override
  public List<String> summary(ServiceContext context) throws IOException {
    Map<String, String> passwords = context.state().passwords();
    boolean show = context.showSecrets();
    String url = context.settings().httpUrl(HTTP);
    List<String> lines = new ArrayList<>(List.of(
        "  Keycloak admin    " + url + "/admin/master/console/  (user " + ADMIN_USER
            + (show ? ", password " + passwords.get(StateFolder.KEYCLOAK_ADMIN) : "") + ")",
        "  Keycloak realm    " + url + "/realms/" + KeycloakServer.REALM,
        "Demo users (realm plantspy; ./plantspy token USER prints a token):"));
    for (DemoUser user : DemoUser.ALL) {
      lines.add(show
          ? String.format("  %-8s %-22s roles %s", user.username(), passwords.get(user.username()),
              String.join(",", user.roles()))
          : String.format("  %-8s roles %s", user.username(), String.join(",", user.roles())));
    }
    if (!show) {
      lines.add("Passwords: ./plantspy passwords (they were shown at the first start)");
    }
    return lines;
  }

  /** The admin calls of the platform's Keycloak, as its bootstrap admin, or of the one it was given. */
  static KeycloakAdmin admin(PlatformSettings settings, Map<String, String> passwords) {
    return settings.external().keycloak()
        .map(k -> new KeycloakAdmin(k.url(), k.adminUser(), k.adminPassword()))
        .orElseGet(() -> new KeycloakAdmin(settings.httpUrl(HTTP), ADMIN_USER,
            passwords.get(StateFolder.KEYCLOAK_ADMIN)));
  }

  /** The base URL of the platform's Keycloak, or of the one it was given. */
  static String baseUrl(PlatformSettings settings) {
    return settings.external().keycloak().map(ExternalParts.Keycloak::url).orElseGet(() -> settings.httpUrl(HTTP));
  }
}
