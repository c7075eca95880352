package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder submitted as a job is streamed as a zip whose entry paths are the customIds the results are matched by. */
class FolderZipTest {

  @Test
  void folderBecomesAZipOfItsFilesNamedByRelativePathSortedWithoutHiddenFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("Tomato___healthy/sub"));
    Files.createDirectories(dir.resolve("Apple___Black_rot"));
    Files.write(dir.resolve("Tomato___healthy/b.jpg"), new byte[] {1, 2});
    Files.write(dir.resolve("Tomato___healthy/sub/c.jpg"), new byte[] {3});
    Files.write(dir.resolve("Apple___Black_rot/a.jpg"), new byte[] {4, 5, 6});
    Files.write(dir.resolve("Apple___Black_rot/.DS_Store"), new byte[] {7});

    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream archive = FolderZip.stream(dir, FolderZip.files(dir));
        ZipInputStream zip = new ZipInputStream(archive)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }

    assertThat(entries.keySet()).containsExactly("Apple___Black_rot/a.jpg", "Tomato___healthy/b.jpg",
        "Tomato___healthy/sub/c.jpg");
    assertThat(entries.get("Apple___Black_rot/a.jpg")).containsExactly(4, 5, 6);
    assertThat(entries.get("Tomato___healthy/sub/c.jpg")).containsExactly(3);
  }
}
