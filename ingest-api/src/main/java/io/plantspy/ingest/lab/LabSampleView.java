package io.plantspy.ingest.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A lab sample as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A labelled photo a lab contributed for training")
record LabSampleView(
    @Schema(description = "The sample id", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @Schema(description = "LIVE: counted and trained on; WITHDRAWN: left the counts and the next training run",
        allowableValues = {"LIVE", "WITHDRAWN"}, requiredMode = Schema.RequiredMode.REQUIRED) String status,
    @Schema(description = "The class, Crop___Disease or Crop___healthy", requiredMode = Schema.RequiredMode.REQUIRED)
    String label,
    @Schema(description = "Hex SHA-256 of the image bytes", requiredMode = Schema.RequiredMode.REQUIRED) String sha256,
    @Schema(description = "The lab's own identifier") String labId,
    @Schema(description = "The lab's reference of the physical sample") String sampleRef,
    @Schema(description = "When the photo was taken") Instant capturedAt,
    @Schema(description = "The lab's notes") String notes,
    @Schema(description = "Who uploaded it (token subject)", requiredMode = Schema.RequiredMode.REQUIRED)
    String uploadedBy,
    @Schema(description = "When the API accepted it", requiredMode = Schema.RequiredMode.REQUIRED) Instant uploadedAt,
    @Schema(description = "Image type, identified from its bytes", requiredMode = Schema.RequiredMode.REQUIRED)
    String contentType,
    @Schema(description = "Image size in bytes", requiredMode = Schema.RequiredMode.REQUIRED) long sizeBytes,
    @Schema(description = "When it was withdrawn") Instant withdrawnAt) {

  static LabSampleView of(LabSampleDocument s) {
    return new LabSampleView(s.id(), s.status().name(), s.label(), s.sha256(), s.labId(), s.sampleRef(),
        s.capturedAt(), s.notes(), s.owner(), s.createdAt(), s.contentType(), s.sizeBytes(), s.withdrawnAt());
  }
}
