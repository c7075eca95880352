package io.plantspy.processor.releases;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.store.GridFsReleaseStore;
import io.plantspy.model.store.ReleaseLocation;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.inference.ReleaseClassifier;
import io.plantspy.processor.inference.ServableClassifier;
import io.plantspy.schemas.ModelRelease;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads an announced release from the release store: fetches its archive into the cache folder (refused unless its
 * bytes match the announced sha256), checks the unpacked release is the one announced, and builds its session.
 */
public final class GridFsReleaseLoader implements ReleaseLoader {

  private final GridFsReleaseStore store;
  private final Path cacheDir;
  private final ProcessorProperties.Inference inference;

  public GridFsReleaseLoader(GridFsReleaseStore store, Path cacheDir, ProcessorProperties.Inference inference) {
    this.store = store;
    this.cacheDir = cacheDir;
    this.inference = inference;
  }

  @Override
  public ServableClassifier load(ModelRelease announcement) throws IOException {
    ReleaseLocation location;
    try {
      location = ReleaseLocation.parse(announcement.getLocation());
    } catch (IllegalArgumentException e) {
      throw new IOException("release " + announcement.getId() + ": " + e.getMessage(), e);
    }
    Path release = store.fetch(location, cacheDir);
    ReleaseManifest manifest = ReleaseFiles.readManifest(release);
    if (!manifest.id().equals(announcement.getId())) {
      throw new IOException("the archive announced as release " + announcement.getId() + " holds release "
          + manifest.id());
    }
    try {
      return ReleaseClassifier.load(release, inference);
    } catch (RuntimeException e) { // a head that does not match its sha256 or the backbone, ONNX Runtime errors
      throw new IOException("release " + announcement.getId() + " cannot be loaded: " + e.getMessage(), e);
    }
  }
}
