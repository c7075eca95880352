package io.plantspy.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.ingest.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Archive entry names that would leave the archive, and archives hiding inside under another name. */
class ZipItemsTest {

  @Test
  void entryPathsThatLeaveTheArchiveAreRefused() {
    for (String path : new String[] {"/etc/passwd", "\\windows\\leaf.png", "C:leaf.png", "c:/leaf.png", "..",
        "../leaf.png", "leaves/../../leaf.png", "leaves\\..\\..\\leaf.png", "leaf\0.png", ""}) {
      assertThatThrownBy(() -> ZipItems.checkedPath(path)).as(path).isInstanceOf(ApiProblem.class)
          .satisfies(e -> assertThat(JobProblems.slugOf((ApiProblem) e)).isEqualTo("bad-entry-path"));
    }
  }

  @Test
  void relativePathsInsideTheArchiveAreKeptAsTheyAre() {
    for (String path : new String[] {"leaf.png", "Tomato___healthy/leaf 1.jpg", "a/b/c..d.png", "..leaf.png"}) {
      assertThat(ZipItems.checkedPath(path)).isEqualTo(path);
    }
  }

  @Test
  void archivesAreKnownByTheirFirstBytesWhateverTheirName() {
    assertThat(ZipItems.looksLikeArchive(new byte[] {'P', 'K', 3, 4, 20, 0})).isTrue();
    assertThat(ZipItems.looksLikeArchive(new byte[] {(byte) 0x1f, (byte) 0x8b, 8})).isTrue();
    assertThat(ZipItems.looksLikeArchive(new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c})).isTrue();
    assertThat(ZipItems.looksLikeArchive("Rar!\u001a\u0007".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
    assertThat(ZipItems.looksLikeArchive(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isFalse();
    assertThat(ZipItems.looksLikeArchive(new byte[] {'P', 'K'})).isFalse();
  }
}
