package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab upload requests stay within the API's caps, keep the photos' order, and send each photo once. */
class LabUploadBatchesTest {

  @Test
  void splitsByImageCountAndBytesInOrder() {
    List<LabUploadBatches.Photo> photos = List.of(photo("a", 10), photo("b", 10), photo("c", 10), photo("d", 25),
        photo("e", 5), photo("f", 100), photo("g", 1));

    List<List<LabUploadBatches.Photo>> batches = LabUploadBatches.split(photos, 3, 30);

    assertThat(batches).extracting(b -> b.stream().map(LabUploadBatches.Photo::path).toList())
        .containsExactly(List.of("a", "b", "c"), List.of("d", "e"), List.of("f"), List.of("g"));
  }

  @Test
  void foldersAreWalkedSortedAndAPhotoGivenTwiceIsSentOnce(@TempDir Path dir) throws Exception {
    Path classFolder = Files.createDirectories(dir.resolve("Tomato___healthy/sub"));
    Files.write(dir.resolve("Tomato___healthy/b.jpg"), new byte[3]);
    Files.write(dir.resolve("Tomato___healthy/a.jpg"), new byte[2]);
    Files.write(classFolder.resolve("c.jpg"), new byte[1]);

    List<LabUploadBatches.Photo> photos = LabUploadCommand.photos(
        List.of(dir.resolve("Tomato___healthy"), dir.resolve("Tomato___healthy/a.jpg")));

    assertThat(photos).extracting(p -> Path.of(p.path()).getFileName().toString(), LabUploadBatches.Photo::bytes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a.jpg", 2L), org.assertj.core.groups.Tuple.tuple(
            "b.jpg", 3L), org.assertj.core.groups.Tuple.tuple("c.jpg", 1L));
  }

  private static LabUploadBatches.Photo photo(String name, long bytes) {
    return new LabUploadBatches.Photo(name, bytes);
  }
}
