package io.plantspy.ingest.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of the caller's diagnoses, newest first. */
@Schema(description = "A page of your diagnoses, newest first")
public record DiagnosisPageView(
    @Schema(description = "The diagnoses of this page") List<DiagnosisSummaryView> items,
    @Schema(description = "Page number, from 0") int page,
    @Schema(description = "Page size") int size,
    @Schema(description = "Your diagnoses matching the filter, in all") long total) {}
