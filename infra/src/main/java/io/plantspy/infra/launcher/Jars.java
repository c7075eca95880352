package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Finds a module's executable jar under its target folder, whatever version its name carries. */
final class Jars {

  private Jars() {}

  /** The newest {@code PREFIX*.jar} in {@code dir} that is not sources, javadoc or Boot's {@code .original}. */
  static Path find(Path dir, String prefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(".jar") && !name.endsWith("-sources.jar")
            && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
      }).max(Comparator.comparing(f -> f.toFile().lastModified())).orElse(null);
    }
  }
}
