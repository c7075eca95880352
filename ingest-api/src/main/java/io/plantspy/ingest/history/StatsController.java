package io.plantspy.ingest.history;

import io.plantspy.ingest.history.StatsViews.Backlog;
import io.plantspy.ingest.history.StatsViews.ClassCount;
import io.plantspy.ingest.history.StatsViews.CropCount;
import io.plantspy.ingest.history.StatsViews.DayCount;
import io.plantspy.ingest.history.StatsViews.DiagnosisStats;
import io.plantspy.ingest.history.StatsViews.MinuteCount;
import io.plantspy.ingest.history.StatsViews.PlatformStats;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.security.Roles;
import io.plantspy.schemas.Answer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Statistics for the dashboards: a caller's own diagnoses over the last days, and for administrators the
 * platform's diagnoses completed per minute with the stream processor's backlog (its consumer lag).
 */
@RestController
@Tag(name = "Statistics", description = "Your diagnoses per day, per crop and per disease; for administrators, "
    + "the platform's throughput and backlog.")
class StatsController {

  private static final Logger log = LoggerFactory.getLogger(StatsController.class);
  private static final String RETRY_AFTER_DOC = "Seconds to wait before retrying";
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
      .withZone(ZoneOffset.UTC);
  private static final int TOP_DISEASES = 10;
  private static final int MAX_MINUTES = 24 * 60;

  private final StatsStore stats;
  private final QueueLag lag;
  private final Clock clock;
  private final int maxDays;

  StatsController(StatsStore stats, QueueLag lag, Clock clock, HistoryProperties props) {
    this.stats = stats;
    this.lag = lag;
    this.clock = clock;
    this.maxDays = props.maxStatsDays();
  }

  @GetMapping("/api/v1/diagnoses/stats")
  @Operation(operationId = "getDiagnosisStats", summary = "Statistics of your diagnoses",
      description = "Over the last `days` UTC days (today included): your diagnoses per day (every day, zero "
          + "included), your answered diagnoses per crop with how many were healthy or sick, and the 10 most "
          + "frequent disease classes. Each part only with the roles that show its answers.")
  @ApiResponse(responseCode = "200", description = "The statistics")
  @ApiResponse(responseCode = "400", description = "`days` out of range (`bad-field`)")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<DiagnosisStats> mine(@Parameter(description = "Days covered, 1 to the configured maximum (366 by default)")
      @RequestParam(defaultValue = "30") int days, Authentication auth) {
    if (days < 1 || days > maxDays) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-field", "Bad parameter", "days must be 1 to " + maxDays);
    }
    Set<Answer> visible = Roles.answersOf(auth);
    String owner = auth.getName();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate first = today.minusDays(days - 1L);
    Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    Mono<List<DayCount>> perDay = stats.perDay(owner, since).collectMap(StatsStore.Count::key,
        StatsStore.Count::count).map(counts -> first.datesUntil(today.plusDays(1))
            .map(day -> new DayCount(day.toString(), counts.getOrDefault(day.toString(), 0L))).toList());
    boolean health = visible.contains(Answer.HEALTH);
    Mono<List<CropCount>> crops = visible.contains(Answer.CATEGORY)
        ? stats.perCrop(owner, since).map(c -> new CropCount(c.key(), c.count(), health ? c.healthy() : null,
            health ? c.count() - c.healthy() : null)).collectList()
        : Mono.just(List.of());
    Mono<List<ClassCount>> diseases = visible.contains(Answer.DISEASE)
        ? stats.topDiseases(owner, since, TOP_DISEASES).map(c -> new ClassCount(c.key(), c.count())).collectList()
        : Mono.just(List.of());
    return Mono.zip(perDay, crops, diseases).map(all -> new DiagnosisStats(days, first, all.getT1(),
        visible.contains(Answer.CATEGORY) ? all.getT2() : null,
        visible.contains(Answer.DISEASE) ? all.getT3() : null));
  }

  @GetMapping("/api/v1/platform/stats")
  @Operation(operationId = "getPlatformStats", summary = "The platform's throughput and backlog",
      description = "For administrators: diagnoses completed per UTC minute over the last `minutes` (interactive "
          + "ones, uploads, URLs and feed frames, and bulk job items apart; every minute, zero included), and the records waiting on the request topics for the "
          + "stream processor (its consumer groups' lag, from the Kafka admin client; absent when Kafka does not "
          + "answer within 3 s).")
  @ApiResponse(responseCode = "200", description = "The statistics")
  @ApiResponse(responseCode = "400", description = "`minutes` out of range (`bad-field`)")
  @ApiResponse(responseCode = "403", description = "Not an administrator (role `admin`)")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<PlatformStats> platform(@Parameter(description = "Minutes covered, 1 to 1440")
      @RequestParam(defaultValue = "60") int minutes) {
    if (minutes < 1 || minutes > MAX_MINUTES) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-field", "Bad parameter",
          "minutes must be 1 to " + MAX_MINUTES);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Instant since = now.minus(Duration.ofMinutes(minutes - 1L));
    Mono<Map<String, Long>> interactive = perMinute(stats.completedPerMinute(since, false).collectList());
    Mono<Map<String, Long>> bulk = perMinute(stats.completedPerMinute(since, true).collectList());
    Mono<Backlog> backlog = lag.lag().map(l -> new Backlog(l.interactive(), l.bulk()))
        .onErrorResume(e -> {
          log.warn("No consumer lag for the platform statistics: {}", e.toString());
          return Mono.empty();
        });
    return Mono.zip(interactive, bulk).flatMap(both -> {
      List<MinuteCount> series = new ArrayList<>();
      for (Instant m = since; !m.isAfter(now); m = m.plus(Duration.ofMinutes(1))) {
        String key = MINUTE.format(m);
        long bulkItems = both.getT2().getOrDefault(key, 0L);
        // Bulk items' results live in job_items only (their own results topic), so diagnoses are the interactive ones.
        long interactiveItems = both.getT1().getOrDefault(key, 0L);
        series.add(new MinuteCount(key, interactiveItems, bulkItems));
      }
      return backlog.map(b -> new PlatformStats(minutes, series, b))
          .defaultIfEmpty(new PlatformStats(minutes, series, null));
    });
  }

  private static Mono<Map<String, Long>> perMinute(Mono<List<StatsStore.Count>> counts) {
    return counts.map(list -> list.stream().collect(Collectors.toMap(StatsStore.Count::key, StatsStore.Count::count,
        Long::sum)));
  }
}
