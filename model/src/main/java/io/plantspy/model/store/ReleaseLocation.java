package io.plantspy.model.store;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a release archive is stored and what its bytes hash to, written as the URI
 * {@code gridfs:<bucket>/<fileId>?sha256=<64 lowercase hex>} in a {@code ModelRelease}'s {@code location}. The
 * digest travels inside the location so that the announcement stays readable by every deployed reader of the
 * {@code ModelRelease} schema (a new field would change its fingerprint).
 *
 * @param bucket the GridFS bucket, e.g. {@code releases}
 * @param fileId the archive's GridFS file id (an ObjectId as hex)
 * @param sha256 of the archive's bytes
 */
public record ReleaseLocation(String bucket, String fileId, String sha256) {

  public static final String SCHEME = "gridfs";

  private static final Pattern URI =
      Pattern.compile(SCHEME + ":([A-Za-z0-9_.-]+)/([0-9a-f]{24})\\?sha256=([0-9a-f]{64})");

  public ReleaseLocation {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(sha256, "sha256");
    if (!URI.matcher(SCHEME + ":" + bucket + "/" + fileId + "?sha256=" + sha256).matches()) {
      throw new IllegalArgumentException("not a release location: bucket " + bucket + ", file " + fileId
          + ", sha256 " + sha256);
    }
  }

  /** Reads a location URI; anything else (a folder path, another scheme, no digest) is refused. */
  public static ReleaseLocation parse(String uri) {
    Matcher matcher = URI.matcher(uri == null ? "" : uri);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a release location (gridfs:<bucket>/<fileId>?sha256=<hex>): " + uri);
    }
    return new ReleaseLocation(matcher.group(1), matcher.group(2), matcher.group(3));
  }

  public String uri() {
    return SCHEME + ":" + bucket + "/" + fileId + "?sha256=" + sha256;
  }

  @Override
  public String toString() {
    return uri();
  }
}
