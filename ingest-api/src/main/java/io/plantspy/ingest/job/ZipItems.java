package io.plantspy.ingest.job;

import io.plantspy.ingest.image.ImageProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a zip job body as a stream, entry after entry, one image in memory at a time; an entry's customId is its
 * path. Guarded against hostile archives, each refusing the whole job: more entries than
 * {@code plantspy.jobs.max-archive-entries} or more uncompressed bytes than {@code max-uncompressed-size} (413); an
 * entry expanding more than {@code max-compression-ratio} times its compressed size (a zip bomb), an archive inside
 * (by name or by its first bytes), or a path that is absolute or climbs with {@code ..} (422); a corrupt archive
 * (400). The checks run while the bytes are inflated, so a bomb is stopped before it expands. Folders, macOS
 * resource forks and hidden files are skipped. An image above the image cap is read through (the guards still
 * count it) and becomes a failed item.
 */
@Component
class ZipItems {

  /** Below this many inflated bytes an entry's ratio says nothing (a small file of zeros compresses 100-fold). */
  static final long RATIO_FLOOR = 64 * 1024;
  private static final List<String> ARCHIVE_SUFFIXES = List.of(".zip", ".jar", ".war", ".7z", ".rar", ".tar",
      ".gz", ".tgz", ".bz2", ".xz", ".zst");
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private final long maxImageBytes;
  private final int maxEntries;
  private final long maxUncompressed;
  private final int maxRatio;

  ZipItems(ImageProperties images, JobProperties props) {
    this.maxImageBytes = images.maxSize().toBytes();
    this.maxEntries = props.maxArchiveEntries();
    this.maxUncompressed = props.maxUncompressedSize().toBytes();
    this.maxRatio = props.maxCompressionRatio();
  }

  Flux<RawItem> read(Flux<DataBuffer> body) {
    return Flux.<RawItem, Reading>generate(
            () -> new Reading(new ZipArchiveInputStream(DataBufferUtils.subscriberInputStream(body, 4),
                StandardCharsets.UTF_8.name(), true, true)),
            (reading, sink) -> {
              next(reading, sink);
              return reading;
            },
            Reading::close)
        // Inflating blocks on the arriving body: never on an event-loop thread.
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** The archive being read and what the guards have counted so far. */
  private static final class Reading {
    final ZipArchiveInputStream zip;
    int entries;
    long uncompressed;
    long seq;
    final byte[] chunk = new byte[64 * 1024];

    Reading(ZipArchiveInputStream zip) {
      this.zip = zip;
    }

    void close() {
      try {
        zip.close();
      } catch (IOException e) {
        // Nothing is left to read from a body that failed or ended.
      }
    }
  }

  private void next(Reading reading, SynchronousSink<RawItem> sink) {
    try {
      ZipArchiveEntry entry;
      while ((entry = reading.zip.getNextEntry()) != null) {
        if (++reading.entries > maxEntries) {
          throw JobProblems.tooLarge("archive-too-many-entries", "the archive has more than " + maxEntries
              + " entries");
        }
        String path = checkedPath(entry.getName());
        if (entry.isDirectory() || skipped(path)) {
          drain(reading, path);
          continue;
        }
        if (isArchiveName(path)) {
          throw nested(path);
        }
        BoundedBytes bytes = drain(reading, path);
        byte[] image = bytes.bytes();
        if (!bytes.overCap() && looksLikeArchive(image)) {
          throw nested(path);
        }
        long seq = reading.seq++;
        sink.next(bytes.overCap()
            ? RawItem.refused(seq, path, MultipartItems.imageTooLarge(bytes.seen(), maxImageBytes))
            : RawItem.image(seq, path, image));
        return;
      }
      sink.complete();
    } catch (IOException e) {
      sink.error(JobProblems.badBody("bad-archive", "the zip archive could not be read: " + e.getMessage()));
    } catch (UncheckedIOException e) {
      sink.error(JobProblems.badBody("bad-archive", "the zip archive could not be read: " + e.getMessage()));
    }
  }

  /** Inflates the current entry to its end under the guards; keeps its bytes up to the image cap. */
  private BoundedBytes drain(Reading reading, String path) throws IOException {
    BoundedBytes bytes = new BoundedBytes(maxImageBytes);
    int read;
    while ((read = reading.zip.read(reading.chunk)) >= 0) {
      bytes.add(reading.chunk, read);
      reading.uncompressed += read;
      if (reading.uncompressed > maxUncompressed) {
        throw JobProblems.tooLarge("archive-too-large", "the archive expands to more than " + maxUncompressed
            + " bytes");
      }
      long compressed = Math.max(1, reading.zip.getCompressedCount());
      if (bytes.seen() > RATIO_FLOOR && bytes.seen() > compressed * maxRatio) {
        throw JobProblems.hostileArchive("archive-bomb", path + " expands more than " + maxRatio
            + " times its compressed size");
      }
    }
    return bytes;
  }

  /** The entry's path if it stays inside the archive: not absolute, no drive, no {@code ..} segment. */
  static String checkedPath(String name) {
    String path = name == null ? "" : name;
    boolean climbs = List.of(path.split("[/\\\\]")).contains("..");
    if (path.isEmpty() || path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).matches() || climbs
        || path.indexOf('\0') >= 0) {
      throw JobProblems.hostileArchive("bad-entry-path", "the entry path '" + path.replace('\0', '?')
          + "' is absolute or leaves the archive");
    }
    return path;
  }

  private static boolean skipped(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return path.startsWith("__MACOSX/") || file.startsWith(".");
  }

  private static boolean isArchiveName(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith);
  }

  /** Zip, gzip, 7z or RAR by the first bytes, whatever the name says. */
  static boolean looksLikeArchive(byte[] bytes) {
    return startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 0x1f, 0x8b)
        || startsWith(bytes, '7', 'z', 0xbc, 0xaf) || startsWith(bytes, 'R', 'a', 'r', '!');
  }

  private static boolean startsWith(byte[] bytes, int... magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((bytes[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static RuntimeException nested(String path) {
    return JobProblems.hostileArchive("nested-archive", path + " is an archive; archives inside the archive are "
        + "not opened");
  }
}
