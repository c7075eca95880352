package io.plantspy.ingest.job;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of the caller's jobs, newest first. */
@Schema(description = "A page of your jobs, newest first")
public record JobPageView(
    @Schema(description = "The jobs of this page") List<JobView> items,
    @Schema(description = "Page number, from 0") int page,
    @Schema(description = "Page size") int size,
    @Schema(description = "Your jobs in all") long total) {}
