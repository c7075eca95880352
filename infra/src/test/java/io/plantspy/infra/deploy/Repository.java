package io.plantspy.infra.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The checkout these tests read: the build passes its root; run from an IDE it is found above the module. */
final class Repository {

  private Repository() {}

  static Path root() {
    String configured = System.getProperty("plantspy.repo.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("plantspy"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No PlantSpy checkout above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Path resolve(String relative) {
    return root().resolve(relative);
  }

  /** {@code git rev-parse HEAD} of the checkout: the commit an image built from it must name. */
  static String headCommit() throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(root().toFile())
        .redirectErrorStream(true).start();
    String out = new String(git.getInputStream().readAllBytes()).trim();
    if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
      throw new IOException("git rev-parse HEAD failed: " + out);
    }
    return out;
  }
}
