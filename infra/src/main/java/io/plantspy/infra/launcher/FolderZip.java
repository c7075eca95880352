package io.plantspy.infra.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder as a zip archive made while it is read: a thread writes the entries (each file's path relative to the
 * folder, with {@code /}, sorted) into a pipe, one file at a time, so a folder of thousands of photos is never in
 * memory. Photos hardly compress, so the fastest level is used.
 */
final class FolderZip {

  private FolderZip() {}

  /** The regular files under {@code dir}, sorted, hidden files left out. */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
  }

  /** The archive of {@code files} (under {@code dir}) as a stream; a failure to read a file fails the stream. */
  static InputStream stream(Path dir, List<Path> files) throws IOException {
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream out = new PipedOutputStream(in);
    Thread writer = new Thread(() -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        write(dir, files, zip);
      } catch (IOException e) {
        // The reader sees the pipe closed early, and the API a truncated archive (400 bad-archive).
        throw new UncheckedIOException(e);
      }
    }, "folder-zip");
    writer.setDaemon(true);
    writer.start();
    return in;
  }

  static void write(Path dir, List<Path> files, ZipOutputStream zip) throws IOException {
    zip.setLevel(Deflater.BEST_SPEED);
    for (Path file : files) {
      zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
      Files.copy(file, zip);
      zip.closeEntry();
    }
  }
}
