package io.plantspy.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseArchiveTest {

  @TempDir
  Path temp;

  @Test
  void unpacksEveryFileOfThePackedFolderWithItsBytes() throws IOException {
    Path release = Files.createDirectories(temp.resolve("release/evaluation"));
    Files.writeString(release.resolve("../release.json"), "{\"id\":\"r1\"}");
    Files.write(release.resolve("../head.onnx"), new byte[] {1, 2, 3, 4});
    Files.writeString(release.resolve("report.csv"), "a,b\n");

    Path out = temp.resolve("out");
    ReleaseArchive.unpack(ReleaseArchive.pack(temp.resolve("release")), out);

    assertThat(Files.readString(out.resolve("release.json"))).isEqualTo("{\"id\":\"r1\"}");
    assertThat(Files.readAllBytes(out.resolve("head.onnx"))).containsExactly(1, 2, 3, 4);
    assertThat(Files.readString(out.resolve("evaluation/report.csv"))).isEqualTo("a,b\n");
  }

  @Test
  void packsTheSameFolderToTheSameBytes() throws Exception {
    Path release = Files.createDirectories(temp.resolve("release"));
    Files.writeString(release.resolve("release.json"), "{}");
    byte[] first = ReleaseArchive.pack(release);
    Files.setLastModifiedTime(release.resolve("release.json"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 86_400_000L));

    assertThat(ReleaseArchive.pack(release)).isEqualTo(first);
  }

  @Test
  void refusesAnEntryThatLeavesTheTargetFolder() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("../escaped.txt"));
      zip.write(1);
      zip.closeEntry();
    }

    assertThatThrownBy(() -> ReleaseArchive.unpack(bytes.toByteArray(), temp.resolve("out")))
        .isInstanceOf(IOException.class).hasMessageContaining("outside");
    assertThat(temp.resolve("escaped.txt")).doesNotExist();
  }
}
