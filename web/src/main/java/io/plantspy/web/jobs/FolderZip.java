package io.plantspy.web.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photos of a chosen folder written as one zip archive into a request body, a file at a time from where the
 * servlet container keeps the uploaded parts (never all in memory). Only photos go in (the folder's other files,
 * such as {@code .DS_Store}, are left out); each entry is named by the file's own name, made unique, which the
 * API takes as the item's customId.
 */
final class FolderZip {

  private static final Set<String> PHOTO_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private FolderZip() {}

  /** The photos among {@code files}. */
  static List<MultipartFile> photos(List<MultipartFile> files) {
    return files.stream().filter(f -> !f.isEmpty() && isPhoto(f.getOriginalFilename())).toList();
  }

  static StreamingHttpOutputMessage.Body of(List<MultipartFile> photos) {
    return out -> write(photos, out);
  }

  private static void write(List<MultipartFile> photos, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    // Photos are compressed already: deflating them again costs CPU for nothing.
    zip.setLevel(Deflater.NO_COMPRESSION);
    Set<String> used = new HashSet<>();
    for (MultipartFile photo : photos) {
      zip.putNextEntry(new ZipEntry(uniqueName(photo.getOriginalFilename(), used)));
      try (InputStream in = photo.getInputStream()) {
        in.transferTo(zip);
      }
      zip.closeEntry();
    }
    // Finished, not closed: the request owns the stream.
    zip.finish();
  }

  /** The file's own name (a browser may send the folder's path too), safe for an archive and not used yet. */
  static String uniqueName(String filename, Set<String> used) {
    String name = filename == null ? "photo" : filename.substring(Math.max(filename.lastIndexOf('/'),
        filename.lastIndexOf('\\')) + 1);
    name = UNSAFE.matcher(name).replaceAll("_");
    if (name.isEmpty() || name.startsWith(".")) {
      name = "photo" + name;
    }
    String candidate = name;
    for (int n = 2; !used.add(candidate); n++) {
      candidate = n + "-" + name;
    }
    return candidate;
  }

  private static boolean isPhoto(String filename) {
    if (filename == null) {
      return false;
    }
    int dot = filename.lastIndexOf('.');
    return dot >= 0 && PHOTO_EXTENSIONS.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
