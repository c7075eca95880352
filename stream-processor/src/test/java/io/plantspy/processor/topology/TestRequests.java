package io.plantspy.processor.topology;

import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.schemas.Answer;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.InlineImage;
import io.plantspy.schemas.RequestSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Requests, images and the models they are diagnosed with, for the processor's tests. */
public final class TestRequests {

  private TestRequests() {}

  public static DiagnosisRequest inline(String id, byte[] image) {
    return request(id, new InlineImage(ByteBuffer.wrap(image)));
  }

  public static DiagnosisRequest reference(String id, String store, String imageId) {
    return request(id, new ImageReference(store, imageId));
  }

  /** An item of bulk job {@code jobId}, as the API writes it to the bulk topic. */
  public static DiagnosisRequest bulkItem(String id, String jobId, byte[] image) {
    return DiagnosisRequest.newBuilder(inline(id, image))
        .setSource(RequestSource.BULK)
        .setMetadata(Map.of("jobId", jobId, "customId", "photo-" + id + ".jpg"))
        .build();
  }

  /** A camera feed frame, as the feed gateway writes it to the requests topic. */
  public static DiagnosisRequest feedFrame(String id, byte[] image) {
    return DiagnosisRequest.newBuilder(inline(id, image)).setSource(RequestSource.FEED).build();
  }

  private static DiagnosisRequest request(String id, Object image) {
    return DiagnosisRequest.newBuilder()
        .setId(id)
        .setOwner("owner-of-" + id)
        .setRequestedAnswers(List.of(Answer.CATEGORY, Answer.HEALTH, Answer.DISEASE))
        .setSource(RequestSource.UPLOAD)
        .setImage(image)
        .setContentType("image/jpeg")
        .setSizeBytes(image instanceof InlineImage inline ? inline.getData().remaining() : 0)
        .setMetadata(Map.of())
        .setCreatedAt(Instant.ofEpochMilli(1_000))
        .build();
  }

  /** The default settings, serving the committed release ({@code models/CURRENT} of this repository). */
  public static ProcessorProperties servingCommittedModels() {
    return ProcessorProperties.bind(Map.of("models-dir", modelsDir().toString()));
  }

  /** A small leaf-green JPEG with some structure; the model may answer anything for it, but must answer. */
  public static byte[] generatedJpeg() {
    BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 120, 40));
    g.fillRect(0, 0, 96, 64);
    g.setColor(new Color(90, 170, 60));
    g.fillOval(10, 8, 76, 48);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JPEG cut short: the format is recognised but the data is not decodable. */
  public static byte[] truncatedJpeg() {
    byte[] full = generatedJpeg();
    return java.util.Arrays.copyOf(full, 40);
  }

  /** The first (by name) photo of a class of the dataset named by -Dplantspy.dataset.dir, if there is one. */
  public static Optional<Path> datasetImage(String className) {
    String dir = System.getProperty("plantspy.dataset.dir");
    if (dir == null) {
      return Optional.empty();
    }
    Path classDir = Path.of(dir).resolve(className);
    if (!Files.isDirectory(classDir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(classDir)) {
      return files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The models folder the build passes in, else the repository's. */
  public static Path modelsDir() {
    return Path.of(System.getProperty("plantspy.models.dir", "../models"));
  }
}
