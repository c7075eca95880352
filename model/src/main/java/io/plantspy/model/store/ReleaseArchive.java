package io.plantspy.model.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Packs a release folder into one zip archive and unpacks it again, refusing entries that leave the folder. */
public final class ReleaseArchive {

  /** Fixed entry time: packing the same folder twice gives the same bytes, hence the same sha256. */
  private static final FileTime ENTRY_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's epoch

  private ReleaseArchive() {}

  /** The zip of every regular file under {@code releaseDir}, in path order, with paths relative to it. */
  public static byte[] pack(Path releaseDir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(releaseDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(releaseDir.relativize(file).toString().replace('\\', '/'));
        entry.setLastModifiedTime(ENTRY_TIME);
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Unpacks {@code archive} into the empty or missing folder {@code target}. */
  public static void unpack(byte[] archive, Path target) throws IOException {
    Path root = Files.createDirectories(target).toRealPath();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Path file = root.resolve(entry.getName()).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
          throw new IOException("release archive entry " + entry.getName() + " points outside its folder");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(zip, file);
        }
      }
    }
  }
}
