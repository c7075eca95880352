package io.plantspy.model.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the files of a release folder ({@code release.json} next to the head ONNX). */
public final class ReleaseFiles {

  public static final String MANIFEST = "release.json";
  /** Names the release that serves by default, inside the models folder. */
  public static final String CURRENT = "CURRENT";

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReleaseFiles() {}

  public static ReleaseManifest readManifest(Path releaseDir) throws IOException {
    Path file = releaseDir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no " + MANIFEST + " in " + releaseDir + ": not a model release folder");
    }
    try {
      return JSON.readValue(file.toFile(), ReleaseManifest.class);
    } catch (RuntimeException e) {
      throw new IOException("invalid " + file + ": " + e.getMessage(), e);
    }
  }

  public static void writeManifest(Path releaseDir, ReleaseManifest manifest) throws IOException {
    Files.createDirectories(releaseDir);
    Files.writeString(releaseDir.resolve(MANIFEST), JSON.writeValueAsString(manifest) + "\n");
  }

  /** The release folder named by {@code models/CURRENT}. */
  public static Path current(Path modelsDir) throws IOException {
    Path pointer = modelsDir.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      throw new IOException("no " + CURRENT + " file in " + modelsDir);
    }
    return modelsDir.resolve("releases").resolve(Files.readString(pointer).trim());
  }
}
