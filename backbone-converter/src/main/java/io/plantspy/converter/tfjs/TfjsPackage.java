package io.plantspy.converter.tfjs;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TF.js graph model read straight from an npm package tarball (such as {@code nsfwjs-4.4.0.tgz}).
 *
 * <p>nsfwjs bundles its model as UMD JavaScript modules rather than plain {@code model.json} and
 * {@code .bin} files: the topology is a JavaScript object literal and each weight shard a base64
 * string. This class unwraps both without running any JavaScript.
 */
public final class TfjsPackage {

  private static final JsonMapper LENIENT_JSON =
      JsonMapper.builder()
          // The topology is a JS object literal with unquoted keys.
          .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final JsonNode modelJson;
  private final byte[] weightData;
  private final String licenseText;

  private TfjsPackage(JsonNode modelJson, byte[] weightData, String licenseText) {
    this.modelJson = modelJson;
    this.weightData = weightData;
    this.licenseText = licenseText;
  }

  /**
   * Reads the graph model stored under {@code package/<modelDir>/} of an npm tarball.
   *
   * @param tarball the {@code .tgz} written by {@code npm pack}
   * @param modelDir folder inside the package, e.g. {@code dist/models/mobilenet_v2_mid}
   */
  public static TfjsPackage read(Path tarball, String modelDir) throws IOException {
    Map<String, byte[]> files = readTarball(tarball);
    String prefix = "package/" + modelDir + "/";
    byte[] modelJs = files.get(prefix + "model.min.js");
    if (modelJs == null) {
      throw new IOException(tarball + " has no " + prefix + "model.min.js");
    }
    JsonNode model = parseModuleObject(new String(modelJs, StandardCharsets.UTF_8));
    if (!"graph-model".equals(model.path("format").asString())) {
      throw new IOException("not a TF.js graph model: format=" + model.path("format"));
    }
    ByteArrayOutputStream weights = new ByteArrayOutputStream();
    for (JsonNode group : model.path("weightsManifest")) {
      for (JsonNode path : group.path("paths")) {
        byte[] shard = files.get(prefix + path.asString() + ".min.js");
        if (shard == null) {
          throw new IOException(tarball + " lacks weight shard " + path.asString());
        }
        weights.writeBytes(parseModuleBase64(new String(shard, StandardCharsets.US_ASCII)));
      }
    }
    byte[] license = files.getOrDefault("package/LICENSE", new byte[0]);
    return new TfjsPackage(model, weights.toByteArray(), new String(license, StandardCharsets.UTF_8));
  }

  public JsonNode modelJson() {
    return modelJson;
  }

  public JsonNode topology() {
    return modelJson.path("modelTopology");
  }

  /** Weight specs of every manifest group, in the order their bytes appear in {@link #weightData()}. */
  public List<JsonNode> weightSpecs() {
    List<JsonNode> specs = new ArrayList<>();
    for (JsonNode group : modelJson.path("weightsManifest")) {
      group.path("weights").forEach(specs::add);
    }
    return specs;
  }

  public byte[] weightData() {
    return weightData.clone();
  }

  /** The package's LICENSE file, kept next to the converted model (MIT requires the notice). */
  public String licenseText() {
    return licenseText;
  }

  private static Map<String, byte[]> readTarball(Path tarball) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isFile()) {
          files.put(entry.getName(), tar.readAllBytes());
        }
      }
    }
    return files;
  }

  /** Extracts the object literal assigned by {@code module.exports = {...}} in a browserify bundle. */
  static JsonNode parseModuleObject(String js) throws IOException {
    int start = js.indexOf("exports={");
    int end = js.lastIndexOf("},{}]},{},[1])");
    if (start < 0 || end < start) {
      throw new IOException("unrecognised TF.js model bundle layout");
    }
    return LENIENT_JSON.readTree(minifiedLiteralToJson(js.substring(start + "exports=".length(), end)));
  }

  /**
   * Undoes what a JS minifier does to literals outside strings: {@code !0}/{@code !1} for true/false and
   * numbers without a leading zero ({@code .5}, {@code -.5}).
   */
  static String minifiedLiteralToJson(String literal) {
    StringBuilder json = new StringBuilder(literal.length() + 1024);
    boolean inString = false;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (inString) {
        json.append(c);
        if (c == '\\' && i + 1 < literal.length()) {
          json.append(literal.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        json.append(c);
      } else if (c == '!' && i + 1 < literal.length() && (literal.charAt(i + 1) == '0' || literal.charAt(i + 1) == '1')) {
        json.append(literal.charAt(++i) == '0' ? "true" : "false");
      } else if (c == '.' && (i == 0 || !Character.isDigit(literal.charAt(i - 1)))) {
        json.append("0.");
      } else {
        json.append(c);
      }
    }
    return json.toString();
  }

  /** Extracts the base64 string assigned by {@code module.exports = "..."} and decodes it. */
  static byte[] parseModuleBase64(String js) throws IOException {
    int start = js.indexOf("exports=\"");
    int end = start < 0 ? -1 : js.indexOf('"', start + "exports=\"".length());
    if (start < 0 || end < 0) {
      throw new IOException("unrecognised TF.js weight shard layout");
    }
    return Base64.getDecoder().decode(js.substring(start + "exports=\"".length(), end));
  }
}
