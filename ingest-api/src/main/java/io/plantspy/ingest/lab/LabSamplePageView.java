package io.plantspy.ingest.lab;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of lab samples, newest first. */
@Schema(description = "A page of lab samples (not withdrawn), newest first")
record LabSamplePageView(
    @Schema(description = "The samples of this page", requiredMode = Schema.RequiredMode.REQUIRED)
    List<LabSampleView> items,
    @Schema(description = "This page's number, from 0", requiredMode = Schema.RequiredMode.REQUIRED) int page,
    @Schema(description = "The page size asked for", requiredMode = Schema.RequiredMode.REQUIRED) int size,
    @Schema(description = "How many samples match the filters in all", requiredMode = Schema.RequiredMode.REQUIRED)
    long total) {}
