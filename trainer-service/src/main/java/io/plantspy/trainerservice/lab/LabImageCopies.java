package io.plantspy.trainerservice.lab;

import com.mongodb.client.MongoDatabase;
import io.plantspy.model.runtime.Sha256;
import io.plantspy.model.store.GridFsChunks;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.LabSample;
import io.plantspy.trainer.loop.LabSampleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Copies lab sample images from GridFS to a local folder, one file per sha256 (so a sample seen by an earlier run
 * is not downloaded again, and the same bytes under two samples are stored once). A copy whose bytes do not hash
 * to the sample's sha256 is refused.
 */
@Component
public class LabImageCopies {

  private final MongoDatabase database;
  private final LabProperties props;

  public LabImageCopies(MongoDatabase database, LabProperties props) {
    this.database = database;
    this.props = props;
  }

  /** Local files for {@code samples}, in their order. */
  public List<LabSampleFile> copy(List<LabSample> samples) throws IOException {
    Files.createDirectories(props.imagesDir());
    List<LabSampleFile> files = new ArrayList<>(samples.size());
    for (LabSample sample : samples) {
      files.add(new LabSampleFile(sample.getId(), sample.getLabel(), sample.getSha256(), local(sample)));
    }
    return files;
  }

  private Path local(LabSample sample) throws IOException {
    Path target = props.imagesDir().resolve(sample.getSha256() + extension(sample.getContentType()));
    if (Files.isRegularFile(target)) {
      return target;
    }
    if (!(sample.getImage() instanceof ImageReference ref)) {
      throw new IOException("lab sample " + sample.getId() + " carries its image inline; only GridFS references"
          + " are written by the API");
    }
    String bucket = ref.getStore().startsWith("gridfs:") ? ref.getStore().substring("gridfs:".length())
        : props.imagesBucket();
    Path partial = Files.createTempFile(props.imagesDir(), sample.getSha256(), ".partial");
    try {
      try {
        // Chunk by chunk: the embedded MongoDB scans the whole bucket for the driver's own download.
        Files.write(partial, GridFsChunks.read(database, bucket, new ObjectId(ref.getId())));
      } catch (RuntimeException e) { // the driver's MongoGridFSException, MongoException
        throw new IOException("cannot download the image of lab sample " + sample.getId() + ": " + e.getMessage(),
            e);
      }
      String actual = Sha256.hex(partial);
      if (!actual.equals(sample.getSha256())) {
        throw new IOException("the image of lab sample " + sample.getId() + " hashes to " + actual + ", not "
            + sample.getSha256());
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static String extension(String contentType) {
    return switch (contentType == null ? "" : contentType) {
      case "image/png" -> ".png";
      case "image/webp" -> ".webp";
      default -> ".jpg";
    };
  }
}
