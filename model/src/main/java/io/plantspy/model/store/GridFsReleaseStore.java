package io.plantspy.model.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.runtime.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Release archives in a GridFS bucket: {@link #put} packs a release folder and stores it with its sha256 and
 * release id as file metadata; {@link #fetch} downloads one, checks its bytes against the sha256 of its location
 * and unpacks it into a local cache folder.
 */
public final class GridFsReleaseStore {

  public static final String DEFAULT_BUCKET = "releases";

  private final MongoDatabase database;
  private final String bucketName;

  public GridFsReleaseStore(MongoDatabase database, String bucketName) {
    this.database = database;
    this.bucketName = bucketName;
  }

  /** Packs and uploads {@code releaseDir}; the answer is where it went and what it hashes to. */
  public ReleaseLocation put(Path releaseDir) throws IOException {
    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    byte[] archive = ReleaseArchive.pack(releaseDir);
    String sha256 = Sha256.hex(archive);
    ObjectId id = bucket(bucketName).uploadFromStream(manifest.id() + ".zip", new ByteArrayInputStream(archive),
        new GridFSUploadOptions().metadata(new Document("releaseId", manifest.id()).append("sha256", sha256)));
    return new ReleaseLocation(bucketName, id.toHexString(), sha256);
  }

  /**
   * The release folder of {@code location} under {@code cacheDir}, downloaded and unpacked unless an earlier fetch
   * left it there. The folder is named by the archive's sha256, and only renamed into place after its archive
   * matched it, so whatever a folder of that name holds was checked.
   *
   * @throws CorruptReleaseException when the stored bytes do not hash to the location's sha256
   */
  public Path fetch(ReleaseLocation location, Path cacheDir) throws IOException {
    Path target = cacheDir.resolve(location.sha256());
    if (Files.isDirectory(target)) {
      return target;
    }
    byte[] archive;
    try {
      archive = GridFsChunks.read(database, location.bucket(), new ObjectId(location.fileId()));
    } catch (RuntimeException e) { // the driver's MongoGridFSException, MongoException: the store, not the release
      throw new IOException("cannot download release archive " + location + ": " + e.getMessage(), e);
    }
    String actual = Sha256.hex(archive);
    if (!actual.equals(location.sha256())) {
      throw new CorruptReleaseException("release archive " + location + " has sha256 " + actual + ": refused");
    }
    Files.createDirectories(cacheDir);
    Path partial = Files.createTempDirectory(cacheDir, location.sha256() + ".partial-");
    try {
      ReleaseArchive.unpack(archive, partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (Files.isDirectory(target)) { // another fetch of the same archive won the rename
        deleteTree(partial);
        return target;
      }
      deleteTree(partial);
      throw e;
    }
    return target;
  }

  private GridFSBucket bucket(String name) {
    return GridFSBuckets.create(database, name);
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
