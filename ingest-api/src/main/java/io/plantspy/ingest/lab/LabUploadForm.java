package io.plantspy.ingest.lab;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The multipart form of a lab upload, as the OpenAPI document describes it (LabUploadReader reads it). */
@Schema(description = "A lab upload: one or more photos of one class, and optional metadata")
record LabUploadForm(
    @ArraySchema(arraySchema = @Schema(description = "The photos, one part each (JPEG, PNG or WebP)",
        requiredMode = Schema.RequiredMode.REQUIRED), minItems = 1,
        schema = @Schema(type = "string", format = "binary")) List<String> image,
    @Schema(description = "The class: `Crop___Disease` or `Crop___healthy`, spelled like the dataset's folders "
        + "(e.g. `Tomato___Late_blight`, `Corn_(maize)___Common_rust_`); a class the champion does not know yet is "
        + "allowed", pattern = LabLabel.PATTERN, maxLength = LabLabel.MAX_LENGTH,
        requiredMode = Schema.RequiredMode.REQUIRED) String label,
    @Schema(description = "Your laboratory's identifier", maxLength = LabUploadReader.REF_MAX_LENGTH) String labId,
    @Schema(description = "Your reference of the physical sample", maxLength = LabUploadReader.REF_MAX_LENGTH)
    String sampleRef,
    @Schema(description = "When the photos were taken, ISO-8601 with offset", format = "date-time")
    String capturedAt,
    @Schema(description = "Free notes (at most 2000 characters by default)") String notes) {}
