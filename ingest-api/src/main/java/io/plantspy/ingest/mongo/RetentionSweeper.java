package io.plantspy.ingest.mongo;

import com.mongodb.MongoGridFSException;
import io.plantspy.ingest.config.PeriodicJob;
import java.time.Clock;
import io.plantspy.ingest.history.ThumbnailStore;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple4;
import reactor.util.retry.Retry;

/**
 * Deletes what has outlived its retention: claim-checked images in GridFS, Idempotency-Key claims, diagnoses and
 * their thumbnails (kept as long as diagnoses are).
 * Every instance sweeps; deleting twice is harmless. A failed sweep is logged and tried again at the next interval.
 */
@Component
public class RetentionSweeper extends PeriodicJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

  private final ImageStore images;
  private final IdempotencyStore keys;
  private final DiagnosisStore diagnoses;
  private final ThumbnailStore thumbnails;
  private final RetentionProperties retention;
  private final Clock clock;

  public RetentionSweeper(ImageStore images, IdempotencyStore keys, DiagnosisStore diagnoses,
      ThumbnailStore thumbnails, RetentionProperties retention, Clock clock) {
    super("Retention sweep", retention::sweepInterval);
    this.images = images;
    this.keys = keys;
    this.diagnoses = diagnoses;
    this.thumbnails = thumbnails;
    this.retention = retention;
    this.clock = clock;
  }

  /** One sweep: how many images, key claims, diagnoses and diagnosis thumbnails were deleted. */
  public Mono<Tuple4<Long, Long, Long, Long>> sweep() {
    Instant now = clock.instant();
    Mono<Long> expiredImages = Mono.defer(() -> images.deleteUploadedBefore(now.minus(retention.images())))
        // Another instance sweeping at the same time may delete a file between this one's query and delete, and
        // GridFS reports that as an error; look again (its deletions are gone from the query by then).
        .retryWhen(Retry.max(3).filter(RetentionSweeper::deletedByAnother));
    Instant diagnosesCutoff = now.minus(retention.diagnoses());
    return Mono.zip(expiredImages, keys.removeExpired(), diagnoses.deleteCreatedBefore(diagnosesCutoff),
            thumbnails.deleteCreatedBefore(diagnosesCutoff))
        .doOnNext(deleted -> {
          if (deleted.getT1() + deleted.getT2() + deleted.getT3() + deleted.getT4() > 0) {
            log.info("Retention sweep deleted {} images, {} idempotency keys, {} diagnoses and {} thumbnails",
                deleted.getT1(), deleted.getT2(), deleted.getT3(), deleted.getT4());
          }
        });
  }

  private static boolean deletedByAnother(Throwable e) {
    return e instanceof MongoGridFSException && String.valueOf(e.getMessage()).startsWith("No file found");
  }

  @Override
  protected Mono<?> runOnce() {
    return sweep();
  }
}
