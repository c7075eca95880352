package io.plantspy.model.store;

import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.schemas.ModelRelease;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code ModelRelease} records of the compacted releases topic: keyed by alias ({@link #CHAMPION} is the
 * release every stream processor serves), so compaction keeps the latest announcement per alias.
 */
public final class ReleaseAnnouncements {

  /** The alias of the served release. */
  public static final String CHAMPION = "champion";

  private ReleaseAnnouncements() {}

  /** What {@code manifest}'s release is, where its archive lies, and whether processors should serve it. */
  public static ModelRelease describe(ReleaseManifest manifest, ReleaseLocation location, boolean promoted,
      Instant announcedAt) {
    return ModelRelease.newBuilder()
        .setId(manifest.id())
        .setBackboneSha256(manifest.backboneSha256())
        .setHeadSha256(manifest.headSha256() == null ? "" : manifest.headSha256())
        .setLabels(manifest.labels())
        .setMetrics(Map.copyOf(manifest.metrics()))
        .setCreatedAt(announcedAt)
        .setLocation(location.uri())
        .setPromoted(promoted)
        .build();
  }
}
