package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A platform started by another launcher process (detached, or in another terminal), found again through
 * {@code platform.properties}: used by {@code down} and {@code status}.
 */
final class DetachedPlatform {

  /** A service as recorded: its name, pid and log, and the process if that pid still runs. */
  record Entry(String name, long pid, Path log, Optional<ChildProcess> process) {}

  private final Properties properties;

  DetachedPlatform(Properties properties) {
    this.properties = properties;
  }

  static DetachedPlatform load(StateFolder state) throws IOException {
    return new DetachedPlatform(state.platform());
  }

  boolean recorded() {
    return !properties.getProperty("services", "").isBlank();
  }

  Properties properties() {
    return properties;
  }

  /** The recorded services, in start order. */
  List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (String name : properties.getProperty("services", "").split(",")) {
      if (name.isBlank()) {
        continue;
      }
      long pid = Long.parseLong(properties.getProperty(name + ".pid", "-1"));
      Path log = Path.of(properties.getProperty(name + ".log", ""));
      entries.add(new Entry(name, pid, log, pid > 0 ? ChildProcess.find(name, pid, log) : Optional.empty()));
    }
    return entries;
  }

  int port(String key, int fallback) {
    return Integer.parseInt(properties.getProperty("port." + key, String.valueOf(fallback)));
  }
}
