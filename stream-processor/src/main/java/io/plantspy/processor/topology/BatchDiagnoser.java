package io.plantspy.processor.topology;

import io.plantspy.model.image.InvalidImageException;
import io.plantspy.model.image.JpegThumbnail;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.inference.BatchClassifier;
import io.plantspy.processor.inference.ClassifiedBatch;
import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ErrorCode;
import io.plantspy.schemas.ThumbnailRequest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one micro-batch: fetches and preprocesses every image, runs the good ones through the model in a
 * single call and returns one result per request, in request order. A bad image is answered with a typed error
 * and never costs the rest of the batch its answers. Failures of the infrastructure (blob store unreachable, model
 * runtime error) are thrown instead, so the batch stays buffered and is retried rather than answered wrongly.
 */
final class BatchDiagnoser {

  private static final Logger log = LoggerFactory.getLogger(BatchDiagnoser.class);
  private static final int TENSOR = LeafImagePreprocessor.TENSOR_LENGTH;

  private final LeafImagePreprocessor preprocessor;
  private final ImageResolver images;
  private final BatchClassifier classifier;
  private final DiagnosisMetrics metrics;

  BatchDiagnoser(LeafImagePreprocessor preprocessor, ImageResolver images, BatchClassifier classifier,
      DiagnosisMetrics metrics) {
    this.preprocessor = preprocessor;
    this.images = images;
    this.classifier = classifier;
    this.metrics = metrics;
  }

  /** @param now wall-clock milliseconds at the start of the flush (the stream time source, mockable in tests) */
  List<DiagnosisResult> diagnose(List<DiagnosisRequest> requests, long now) {
    DiagnosisResult[] results = new DiagnosisResult[requests.size()];
    float[] pixels = new float[requests.size() * TENSOR];
    int[] slotOf = new int[requests.size()];
    long[] preprocessMillis = new long[requests.size()];
    byte[][] thumbnails = new byte[requests.size()][];
    int good = 0;
    for (int i = 0; i < requests.size(); i++) {
      DiagnosisRequest request = requests.get(i);
      long start = System.nanoTime();
      Optional<ErrorResult> error = preprocess(request, pixels, good, thumbnails, i);
      preprocessMillis[i] = elapsedMillis(start);
      if (error.isPresent()) {
        results[i] = error(request, error.get(), now, preprocessMillis[i]);
        slotOf[i] = -1;
      } else {
        slotOf[i] = good++;
      }
    }
    if (good > 0) {
      long start = System.nanoTime();
      // One model call for the whole batch: this is what batching buys on a GPU or a vectorised CPU.
      ClassifiedBatch batch = classifier.diagnose(pixels, good);
      Duration inference = Duration.ofNanos(System.nanoTime() - start);
      List<ClassifierAnswer> diagnoses = batch.answers();
      if (diagnoses.size() != good) {
        throw new IllegalStateException("model answered " + diagnoses.size() + " of " + good + " images");
      }
      metrics.batch(batch.releaseId(), good, inference);
      Instant completedAt = Instant.ofEpochMilli(now + inference.toMillis());
      for (int i = 0; i < requests.size(); i++) {
        if (slotOf[i] >= 0) {
          DiagnosisRequest request = requests.get(i);
          results[i] = Results.diagnosis(request, batch.releaseId(),
              diagnoses.get(slotOf[i]),
              Results.timings(queuedMillis(request, now), preprocessMillis[i], inference.toMillis(), good),
              completedAt, thumbnails[i]);
        }
      }
    }
    return Arrays.asList(results);
  }

  /**
   * Writes the request's tensor into slot {@code slot} of the batch, and its thumbnail when asked into
   * {@code thumbnails[index]}, or says why it cannot.
   */
  private Optional<ErrorResult> preprocess(DiagnosisRequest request, float[] pixels, int slot, byte[][] thumbnails,
      int index) {
    Optional<byte[]> bytes;
    try {
      // Not inside the catch-all below: an unreachable blob store must fail the batch (and be retried).
      bytes = images.bytes(request.getImage());
    } catch (InvalidImageException e) {
      return Optional.of(new ErrorResult(Results.codeFor(e.reason()), e.getMessage()));
    }
    if (bytes.isEmpty()) {
      return Optional.of(new ErrorResult(ErrorCode.IMAGE_NOT_FOUND,
          "The referenced image does not exist (it may have expired)."));
    }
    try {
      BufferedImage decoded = preprocessor.decode(bytes.get());
      preprocessor.toTensorInto(decoded, pixels, slot * TENSOR);
      thumbnails[index] = thumbnail(request, decoded);
      return Optional.empty();
    } catch (InvalidImageException e) {
      return Optional.of(new ErrorResult(Results.codeFor(e.reason()), e.getMessage()));
    } catch (RuntimeException e) {
      // A decoder bug on hostile bytes: retrying would fail the same way forever, so answer instead.
      log.error("Preprocessing failed unexpectedly for request {}", request.getId(), e);
      return Optional.of(new ErrorResult(ErrorCode.INTERNAL, "The image could not be processed."));
    }
  }

  /**
   * The thumbnail the request asked for, made from the image already decoded for the model (the API would decode
   * the photo a second time); null when not asked or when it cannot be made, which never fails the diagnosis.
   */
  private static byte[] thumbnail(DiagnosisRequest request, BufferedImage decoded) {
    ThumbnailRequest asked = request.getThumbnail();
    if (asked == null) {
      return null;
    }
    try {
      return JpegThumbnail.of(decoded, asked.getMaxSide(), asked.getQuality());
    } catch (IOException | RuntimeException e) {
      log.warn("No thumbnail for request {}: {}", request.getId(), e.toString());
      return null;
    }
  }

  private DiagnosisResult error(DiagnosisRequest request, ErrorResult error, long now, long preprocessMillis) {
    metrics.error(error.code());
    return Results.error(request, null, error.code(), error.message(),
        Results.timings(queuedMillis(request, now), preprocessMillis, 0, 0), Instant.ofEpochMilli(now));
  }

  private static long queuedMillis(DiagnosisRequest request, long now) {
    return now - request.getCreatedAt().toEpochMilli();
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private record ErrorResult(ErrorCode code, String message) {}
}
