package io.plantspy.infra.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An OCI image layout in a tar file, as {@code jib:buildTar} writes it: {@code index.json} names the manifest, the
 * manifest names the configuration blob (entrypoint, user, ports, labels). Layers are skipped, not read.
 */
final class ImageTarball {

  /** Manifests and configurations are a few kB; a layer is far larger and never needed here. */
  private static final long LARGEST_METADATA = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImageTarball() {}

  /** The image configuration's {@code config} object. */
  static JsonNode config(Path tarball) throws IOException {
    Map<String, byte[]> small = new HashMap<>();
    try (InputStream in = Files.newInputStream(tarball);
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile() && entry.getSize() <= LARGEST_METADATA) {
          small.put(entry.getName(), tar.readAllBytes());
        }
      }
    }
    JsonNode index = JSON.readTree(required(small, "index.json", tarball));
    JsonNode manifest = JSON.readTree(blob(small, index.path("manifests").path(0).path("digest").asString(), tarball));
    return JSON.readTree(blob(small, manifest.path("config").path("digest").asString(), tarball)).path("config");
  }

  private static byte[] blob(Map<String, byte[]> entries, String digest, Path tarball) throws IOException {
    return required(entries, "blobs/" + digest.replace(':', '/'), tarball);
  }

  private static byte[] required(Map<String, byte[]> entries, String name, Path tarball) throws IOException {
    byte[] bytes = entries.get(name);
    if (bytes == null) {
      throw new IOException(tarball + " has no " + name + ": not an OCI image layout");
    }
    return bytes;
  }
}
