package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** A process's resident memory (RSS) as Linux reports it in {@code /proc/PID/status}. */
final class ProcessMemory {

  private ProcessMemory() {}

  /** The resident set size in bytes, or empty when the process is gone or this is not Linux. */
  static Optional<Long> residentBytes(long pid) {
    try {
      return residentBytes(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The {@code VmRSS:} line of a {@code /proc/PID/status} text, e.g. {@code VmRSS:  123456 kB}. */
  static Optional<Long> residentBytes(String procStatus) {
    return procStatus.lines().filter(l -> l.startsWith("VmRSS:")).findFirst().flatMap(line -> {
      String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
      if (parts.length != 2 || !parts[1].toLowerCase(Locale.ROOT).equals("kb")) {
        return Optional.empty();
      }
      try {
        return Optional.of(Long.parseLong(parts[0]) * 1024);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }
}
