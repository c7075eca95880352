package io.plantspy.infra.launcher;

import com.mongodb.ConnectionString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of the platform that already run elsewhere (a Kafka cluster, a MongoDB, a Keycloak: containers, a
 * cluster's services) and that {@code up} therefore does not start: the services are wired to them instead, and
 * {@code up} prepares them as it prepares its own (topics, the {@code plantspy} realm, the demo users).
 *
 * @param kafka the bootstrap servers of a Kafka cluster
 * @param mongodb a MongoDB connection string without a database ({@code mongodb://host:27017/?replicaSet=rs0})
 * @param keycloak a Keycloak and one of its master-realm admins
 */
public record ExternalParts(Optional<String> kafka, Optional<String> mongodb, Optional<Keycloak> keycloak) {

  /** Everything embedded: what {@code up} runs by default. */
  public static final ExternalParts NONE = new ExternalParts(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * A Keycloak that runs elsewhere. Its admin's password comes from the environment only (never a command line,
   * which every user of the machine can read) and is kept out of the state folder.
   *
   * @param url its base URL, without {@code /realms/...}: {@code http://localhost:8080}
   */
  public record Keycloak(String url, String adminUser, String adminPassword) {

    public Keycloak {
      url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
      return "Keycloak[" + url + ", admin " + adminUser + "]"; // never the password
    }
  }

  /** The keys of the embedded services these replace ({@code kafka}, {@code mongo}, {@code keycloak}). */
  Set<String> replacedServices() {
    Set<String> keys = new TreeSet<>();
    kafka.ifPresent(k -> keys.add("kafka"));
    mongodb.ifPresent(m -> keys.add("mongo"));
    keycloak.ifPresent(k -> keys.add("keycloak"));
    return keys;
  }

  /** Their addresses by service key, for the state file and {@code status}: never a password. */
  Map<String, String> addresses() {
    Map<String, String> addresses = new LinkedHashMap<>();
    kafka.ifPresent(k -> addresses.put("kafka", k));
    // The hosts only: a connection string may carry a user's password.
    mongodb.ifPresent(m -> addresses.put("mongo", "mongodb://" + String.join(",", new ConnectionString(m).getHosts())));
    keycloak.ifPresent(k -> addresses.put("keycloak", k.url()));
    return addresses;
  }
}
