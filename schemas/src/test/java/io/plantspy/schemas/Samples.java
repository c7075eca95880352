package io.plantspy.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/** Fully populated example records, one per message type and union branch, shared by the tests. */
final class Samples {

  static final Instant CREATED_AT = Instant.parse("2026-11-27T10:15:30.123Z");

  private Samples() {}

  static DiagnosisRequest inlineRequest() {
    return DiagnosisRequest.newBuilder()
        .setId("5b0c7c2e-9f0e-4d2b-a3d4-3c6a1f1e2b7d")
        .setOwner("user-42")
        .setRequestedAnswers(List.of(Answer.CATEGORY, Answer.HEALTH, Answer.DISEASE))
        .setSource(RequestSource.UPLOAD)
        .setImage(InlineImage.newBuilder().setData(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}))
            .build())
        .setContentType("image/jpeg")
        .setSizeBytes(4)
        .setMetadata(Map.of("camera", "phone"))
        .setCreatedAt(CREATED_AT)
        .setIdempotencyKey("retry-1")
        .setCallbackUrl("https://hooks.example.com/plantspy")
        .build();
  }

  static DiagnosisRequest referencedRequest() {
    return DiagnosisRequest.newBuilder(inlineRequest())
        .setSource(RequestSource.BULK)
        .setImage(ImageReference.newBuilder().setStore("gridfs").setId("65f1c0ffee").build())
        .setSizeBytes(3_000_000)
        .setIdempotencyKey(null)
        .build();
  }

  static DiagnosisResult diagnosedResult() {
    ScoredLabel tomato = label("Tomato", 0.97f);
    return DiagnosisResult.newBuilder()
        .setId("5b0c7c2e-9f0e-4d2b-a3d4-3c6a1f1e2b7d")
        .setOwner("user-42")
        .setModelRelease("2026-11-27-plantvillage-31")
        .setOutcome(Diagnosis.newBuilder()
            .setCategory(tomato)
            .setHealth(label("sick", 0.91f))
            .setDisease(label("Early_blight", 0.88f))
            .setPredictedClass("Tomato___Early_blight")
            .setTop3(List.of(label("Tomato___Early_blight", 0.88f), label("Tomato___Late_blight", 0.07f),
                label("Tomato___healthy", 0.03f)))
            .setUnknown(false)
            .build())
        .setTimings(Timings.newBuilder().setQueuedMillis(12).setPreprocessMillis(8).setInferenceMillis(31)
            .setBatchSize(16).build())
        .setCompletedAt(CREATED_AT.plusSeconds(1))
        .build();
  }

  static DiagnosisResult failedResult() {
    return DiagnosisResult.newBuilder(diagnosedResult())
        .setModelRelease(null)
        .setOutcome(DiagnosisError.newBuilder().setCode(ErrorCode.UNDECODABLE_IMAGE)
            .setMessage("not a JPEG, PNG or WebP image").build())
        .build();
  }

  static ModelRelease modelRelease() {
    return ModelRelease.newBuilder()
        .setId("2026-11-27-plantvillage-31")
        .setBackboneSha256("a".repeat(64))
        .setHeadSha256("b".repeat(64))
        .setLabels(List.of("Apple___healthy", "Tomato___Early_blight"))
        .setMetrics(Map.of("accuracy", 0.973, "macroF1", 0.951))
        .setCreatedAt(CREATED_AT)
        .setLocation("file:///var/lib/plantspy/models/2026-11-27-plantvillage-31/")
        .setPromoted(true)
        .build();
  }

  static LabSample labSample() {
    return LabSample.newBuilder()
        .setId("0f6d1c1a-8a53-4c54-9b8e-d1f2b3c4d5e6")
        .setOwner("lab-7")
        .setLabel("Tomato___Early_blight")
        .setImage(ImageReference.newBuilder().setStore("gridfs").setId("65f1c0ffee").build())
        .setContentType("image/png")
        .setSha256("c".repeat(64))
        .setCreatedAt(CREATED_AT)
        .setSizeBytes(48_213)
        .setLabId("lab-montpellier")
        .setSampleRef("MTP-2026-0412")
        .setCapturedAt(CREATED_AT.minusSeconds(86_400))
        .setNotes("lower leaves, greenhouse 3")
        .build();
  }

  /** Single-object encoding of a generic record, as a producer built against {@code schema} would write it. */
  static byte[] singleObject(Schema schema, GenericRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScoredLabel label(String label, float confidence) {
    return ScoredLabel.newBuilder().setLabel(label).setConfidence(confidence).build();
  }
}
