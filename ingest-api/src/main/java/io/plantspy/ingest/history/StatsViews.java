package io.plantspy.ingest.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the statistics endpoints. */
public final class StatsViews {

  private StatsViews() {}

  /** A caller's own diagnoses over the last days; each part only with the roles that show it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "Your diagnoses over the last days: per day, per crop, most frequent diseases")
  public record DiagnosisStats(
      @Schema(description = "Days covered, today (UTC) included") int days,
      @Schema(description = "First day covered (UTC)") LocalDate from,
      @Schema(description = "Diagnoses per day, every day of the window, oldest first") List<DayCount> perDay,
      @Schema(description = "Answered diagnoses per crop, most first; needs the role `category` (healthy and "
          + "sick also need `health`)") List<CropCount> crops,
      @Schema(description = "The most frequent disease classes (healthy leaves left out); needs the role "
          + "`disease`") List<ClassCount> diseases) {}

  /** Diagnoses made on one UTC day. */
  public record DayCount(@Schema(description = "The day, yyyy-MM-dd") String day,
      @Schema(description = "Diagnoses made that day") long count) {}

  /** Answered diagnoses of one crop. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CropCount(@Schema(description = "The crop") String crop,
      @Schema(description = "Its diagnoses") long count,
      @Schema(description = "Of which healthy; needs the role `health`") Long healthy,
      @Schema(description = "Of which sick; needs the role `health`") Long sick) {}

  /** How often one disease class was the answer. */
  public record ClassCount(@Schema(description = "The Crop___Disease class") String predictedClass,
      @Schema(description = "How often") long count) {}

  /** The platform's recent throughput and backlog, for administrators. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "Diagnoses completed per minute and the processor's backlog")
  public record PlatformStats(
      @Schema(description = "Minutes covered, the current one included") int minutes,
      @Schema(description = "Completed per UTC minute, every minute of the window, oldest first")
      List<MinuteCount> completedPerMinute,
      @Schema(description = "Requests waiting for the stream processor; absent when Kafka did not answer")
      Backlog backlog) {}

  /** Diagnoses completed in one UTC minute. */
  public record MinuteCount(@Schema(description = "The minute, yyyy-MM-ddTHH:mm (UTC)") String minute,
      @Schema(description = "Interactive diagnoses (uploads, URLs, feeds)") long interactive,
      @Schema(description = "Items of bulk jobs") long bulk) {}

  /** Records on the request topics the processor has not consumed yet. */
  public record Backlog(@Schema(description = "On the interactive requests topic") long interactive,
      @Schema(description = "On the bulk requests topic") long bulk) {}
}
