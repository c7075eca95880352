package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakAdmin;
import io.plantspy.infra.keycloak.KeycloakServer;
import io.plantspy.infra.keycloak.KeycloakSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The local platform: starts the chosen services in dependency order (Kafka, Mongo, Keycloak, stream processor,
 * ingest API), waits until each is ready, and stops them in reverse order on {@link #close()}. The Java API the
 * {@code up} command and the integration test share.
 */
public final class Platform implements AutoCloseable {

  /** The services, in start order. */
  public enum Service {
    KAFKA(KafkaBroker.NAME), MONGO(MongoService.NAME), KEYCLOAK(KeycloakService.NAME),
    PROCESSOR(ProcessorService.NAME), API(ApiService.NAME);

    private final String id;

    Service(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  private final PlatformSettings settings;
  private final StateFolder state;
  private final Deque<ChildProcess> started = new ArrayDeque<>();
  private final List<String> skipped = new ArrayList<>();

  private Platform(PlatformSettings settings) {
    this.settings = settings;
    this.state = new StateFolder(settings.stateDir());
  }

  /**
   * Starts {@code services} and returns once all are ready. On any failure stops what it started and throws,
   * naming the service; its log tail is in the exception.
   */
  public static Platform start(PlatformSettings settings, Set<Service> services, Consumer<String> out)
      throws ServiceFailedException, IOException {
    Platform platform = new Platform(settings);
    platform.state.create();
    try {
      for (Service service : Service.values()) {
        if (services.contains(service)) {
          platform.start(service, out);
        }
      }
    } catch (ServiceFailedException | IOException | RuntimeException e) {
      out.accept("stopping what was started...");
      platform.close();
      throw e;
    }
    return platform;
  }

  private void start(Service service, Consumer<String> out) throws ServiceFailedException, IOException {
    long began = System.nanoTime();
    out.accept("starting " + service.id() + " (log: " + state.log(service.id()) + ")");
    switch (service) {
      case KAFKA -> {
        requireFree(service, settings.ports().kafka());
        requireFree(service, settings.ports().kafkaController());
        ChildProcess kafka = started(KafkaBroker.start(settings, state));
        KafkaBroker.awaitReady(kafka, settings);
      }
      case MONGO -> {
        requireFree(service, settings.ports().mongo());
        ChildProcess mongo = started(MongoService.start(settings, state));
        MongoService.awaitReady(mongo, settings);
      }
      case KEYCLOAK -> {
        requireFree(service, settings.ports().keycloak());
        requireFree(service, settings.ports().keycloakManagement());
        started(KeycloakService.start(settings, state, out));
      }
      case PROCESSOR -> {
        Path jar = Jars.find(settings.repoRoot().resolve("stream-processor/target"), "plantspy-stream-processor");
        if (jar == null) {
          throw new ServiceFailedException(service.id(), "no executable jar under stream-processor/target: build "
              + "it with ./mvnw -pl stream-processor -am package -DskipTests", null, null);
        }
        ProcessorService.awaitReady(started(ProcessorService.start(settings, state, jar)), settings);
      }
      case API -> {
        Path jar = Jars.find(settings.repoRoot().resolve("ingest-api/target"), "plantspy-ingest-api");
        if (jar == null) {
          out.accept("ingest-api not built yet: skipping it (build it with ./mvnw -pl ingest-api -am package)");
          skipped.add(service.id());
          return;
        }
        requireFree(service, settings.ports().api());
        ApiService.awaitReady(started(ApiService.start(settings, state, jar)), settings);
      }
    }
    out.accept(String.format("%s ready in %.1f s", service.id(), (System.nanoTime() - began) / 1e9));
  }

  private ChildProcess started(ChildProcess process) {
    started.push(process);
    return process;
  }

  /** A port already taken means another platform (or something else) runs there: say so instead of a bind error. */
  private void requireFree(Service service, int port) throws ServiceFailedException {
    if (Readiness.listening(settings.host(), port)) {
      throw new ServiceFailedException(service.id(), "port " + port + " on " + settings.host()
          + " is already in use (a platform already up? try ./plantspy status / ./plantspy down)", null, null);
    }
  }

  public PlatformSettings settings() {
    return settings;
  }

  public StateFolder state() {
    return state;
  }

  /** The running services, in start order. */
  public List<ChildProcess> processes() {
    List<ChildProcess> inOrder = new ArrayList<>(started);
    java.util.Collections.reverse(inOrder);
    return inOrder;
  }

  public boolean skipped(Service service) {
    return skipped.contains(service.id());
  }

  /** What {@code status} and {@code down} need to find this platform again from another process. */
  public Properties describe() {
    Properties p = new Properties();
    List<String> names = new ArrayList<>();
    for (ChildProcess process : processes()) {
      names.add(process.name());
      p.setProperty(process.name() + ".pid", String.valueOf(process.pid()));
      p.setProperty(process.name() + ".log", process.log().toString());
    }
    p.setProperty("services", String.join(",", names));
    p.setProperty("host", settings.host());
    p.setProperty("port.api", String.valueOf(settings.ports().api()));
    p.setProperty("port.keycloak", String.valueOf(settings.ports().keycloak()));
    p.setProperty("port.keycloak-management", String.valueOf(settings.ports().keycloakManagement()));
    p.setProperty("port.kafka", String.valueOf(settings.ports().kafka()));
    p.setProperty("port.kafka-controller", String.valueOf(settings.ports().kafkaController()));
    p.setProperty("port.mongo", String.valueOf(settings.ports().mongo()));
    p.setProperty("launcher.pid", String.valueOf(ProcessHandle.current().pid()));
    return p;
  }

  /** Stops every started service, last started first, so none loses what it depends on while stopping. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      started.pop().stop(settings.timeouts().stop());
    }
  }

  /** Creates Keycloak's demo users at first start; later starts find them with their saved passwords. */
  static final class KeycloakService {

    static final String NAME = "keycloak";
    static final String ADMIN_USER = "admin";

    private KeycloakService() {}

    static ChildProcess start(PlatformSettings settings, StateFolder state, Consumer<String> out)
        throws ServiceFailedException, IOException {
      Map<String, String> passwords = state.passwords();
      KeycloakSettings keycloak = new KeycloakSettings(KeycloakSettings.defaultHome(), settings.ports().keycloak(),
          settings.ports().keycloakManagement(), ADMIN_USER, passwords.get(StateFolder.KEYCLOAK_ADMIN),
          state.log(NAME), true, settings.timeouts().keycloak());
      // Keycloak's database lives in the state folder, next to the passwords that were used to fill it.
      Map<String, String> env = Map.of("KC_DB_URL", "jdbc:h2:file:" + state.keycloakData().resolve("keycloakdb")
          + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE");
      KeycloakServer server;
      try {
        server = KeycloakServer.start(keycloak, env);
      } catch (IOException e) {
        throw new ServiceFailedException(NAME, e.getMessage(), state.log(NAME), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceFailedException(NAME, "interrupted", state.log(NAME), e);
      }
      ChildProcess process = new ChildProcess(NAME, ProcessHandle.of(server.pid()).orElseThrow(), state.log(NAME));
      try {
        KeycloakAdmin admin = server.admin();
        for (DemoUser user : DemoUser.ALL) {
          String password = passwords.get(user.username());
          if (admin.passwordGrant(KeycloakServer.REALM, "plantspy-cli", user.username(), password).statusCode()
              != 200) {
            out.accept("creating demo user " + user.username() + " " + user.roles());
            admin.createUser(user.username(), password, user.roles());
          }
        }
      } catch (IOException | RuntimeException e) {
        process.stop(settings.timeouts().stop());
        throw new ServiceFailedException(NAME, "creating the demo users failed: " + e.getMessage(), state.log(NAME),
            e);
      }
      return process;
    }
  }
}
