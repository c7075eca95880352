package io.plantspy.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Prints the end of every service log of a platform, for tests whose failure needs the services' side. */
final class ServiceLogs {

  private ServiceLogs() {}

  static void printTails(Path logs, int lines, PrintStream out) {
    try (Stream<Path> files = Files.list(logs)) {
      for (Path log : files.sorted().toList()) {
        List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        out.println("===== last " + Math.min(lines, all.size()) + " lines of " + log.getFileName() + " =====");
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(out::println);
      }
    } catch (IOException | RuntimeException e) {
      out.println("could not read the service logs in " + logs + ": " + e);
    }
  }
}
