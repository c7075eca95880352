package io.plantspy.trainer.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Backbone features already computed, on disk, keyed by image content (sha256). One file per backbone,
 * preprocessing version and augmentation, so a changed backbone or preprocessing never reuses stale
 * vectors. Embedding is the slow part of training (about 10 ms an image here); the heads train in seconds.
 */
public final class EmbeddingCache implements AutoCloseable {

  private final Map<String, float[]> vectors = new HashMap<>();
  private final int dimension;
  private final DataOutputStream appender;

  private EmbeddingCache(Path file, int dimension) throws IOException {
    this.dimension = dimension;
    if (Files.exists(file)) {
      load(file);
    }
    Files.createDirectories(file.getParent());
    OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    this.appender = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
  }

  /** Where the command line keeps embeddings unless told otherwise: {@code ~/.cache/plantspy/embeddings}. */
  public static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".cache", "plantspy", "embeddings");
  }

  /** Opens (or creates) the cache for one backbone / preprocessing / augmentation combination. */
  public static EmbeddingCache open(Path cacheDir, String backboneSha256, String preprocessing,
      Augmentation augmentation, int dimension) throws IOException {
    return open(cacheDir, backboneSha256, preprocessing, augmentation.name().toLowerCase(java.util.Locale.ROOT),
        dimension);
  }

  /**
   * Opens (or creates) the cache of one named view of the images, e.g. one field condition at one severity; the
   * name must say everything the view depends on besides the image's bytes.
   */
  public static EmbeddingCache open(Path cacheDir, String backboneSha256, String preprocessing, String view,
      int dimension) throws IOException {
    String name = "embeddings-" + backboneSha256.substring(0, 16) + "-" + preprocessing + "-" + view + ".bin";
    return new EmbeddingCache(cacheDir.resolve(name), dimension);
  }

  public float[] get(String sha256) {
    return vectors.get(sha256);
  }

  public synchronized void put(String sha256, float[] vector) throws IOException {
    if (vector.length != dimension) {
      throw new IllegalArgumentException("vector has " + vector.length + " values, cache holds " + dimension);
    }
    if (vectors.putIfAbsent(sha256, vector) == null) {
      appender.write(HexFormat.of().parseHex(sha256));
      for (float v : vector) {
        appender.writeFloat(v);
      }
    }
  }

  @Override
  public void close() throws IOException {
    appender.close();
  }

  private void load(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      byte[] key = new byte[32];
      while (true) {
        try {
          in.readFully(key);
          float[] vector = new float[dimension];
          for (int i = 0; i < dimension; i++) {
            vector[i] = in.readFloat();
          }
          vectors.put(HexFormat.of().formatHex(key), vector);
        } catch (EOFException e) {
          // A run killed mid-write leaves a partial last record; it is simply recomputed.
          return;
        }
      }
    }
  }
}
