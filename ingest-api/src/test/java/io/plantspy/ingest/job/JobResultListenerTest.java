package io.plantspy.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ErrorCode;
import io.plantspy.schemas.ScoredLabel;
import io.plantspy.schemas.Timings;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.UniqueIndexes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The job listener's settling of a poll of bulk results on the embedded MongoDB server: one read and one bulk
 * write per job and outcome, exact counts when items move between that read and the write, and nothing counted
 * twice when a poll comes again.
 */
class JobResultListenerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("job-results");
  private final String jobId = UUID.randomUUID().toString();
  // Runs once, just after the listener has read which items are open: what the publisher or a cancel does then.
  private Runnable meanwhile = () -> { };

  private final JobStore store = new JobStore(mongo) {
    @Override
    Flux<OpenItem> openItems(Collection<String> ids) {
      return super.openItems(ids).collectList().doOnNext(read -> {
        Runnable once = meanwhile;
        meanwhile = () -> { };
        once.run();
      }).flatMapMany(Flux::fromIterable);
    }
  };
  private final JobResultListener listener = new JobResultListener(store, finishingNothing());

  @Test
  void itemsThatMoveBetweenTheReadAndTheWriteAreSettledIfStillOpenAndCountedExactly() {
    store.createIndexes();
    insertJob(4);
    insertItem("queued-by-publisher", ItemStatus.PENDING);
    insertItem("cancelled-meanwhile", ItemStatus.QUEUED);
    insertItem("failed", ItemStatus.QUEUED);
    insertItem("no-result-yet", ItemStatus.QUEUED);
    meanwhile = () -> {
      store.markQueued(id("queued-by-publisher")).block(TIMEOUT);
      setStatus("cancelled-meanwhile", ItemStatus.CANCELLED);
    };

    listener.onResults(List.of(answered("queued-by-publisher"), answered("cancelled-meanwhile"),
        refused("failed")));

    assertThat(status("queued-by-publisher")).isEqualTo(ItemStatus.COMPLETED);
    assertThat(status("cancelled-meanwhile")).isEqualTo(ItemStatus.CANCELLED);
    assertThat(status("failed")).isEqualTo(ItemStatus.FAILED);
    assertThat(status("no-result-yet")).isEqualTo(ItemStatus.QUEUED);
    assertThat(counts()).isEqualTo(new JobDocument.Counts(4, 1, 1, 0));
  }

  @Test
  void theFirstResultOfAnItemStandsAndAPollThatComesAgainChangesAndCountsNothing() {
    store.createIndexes();
    insertJob(2);
    insertItem("a", ItemStatus.QUEUED);
    insertItem("b", ItemStatus.QUEUED);
    List<ConsumerRecord<String, DiagnosisResult>> poll = List.of(answered("a"), refused("b"), refused("a"));

    listener.onResults(poll);
    listener.onResults(poll);

    assertThat(status("a")).isEqualTo(ItemStatus.COMPLETED);
    assertThat(status("b")).isEqualTo(ItemStatus.FAILED);
    assertThat(counts()).isEqualTo(new JobDocument.Counts(2, 1, 1, 0));
  }

  @Test
  void everyPerItemWriteAndPerPollReadHasAUniqueIndexOfExactlyItsFields() {
    // The embedded MongoDB server uses an index only for a query of exactly its fields, and only a unique index
    // (it ignores the others); any other query reads the whole job_items collection, once per item.
    store.createIndexes();
    assertThat(UniqueIndexes.of(mongo, JobItemDocument.COLLECTION))
        .contains(JobStore.byIdAndStatus("id", ItemStatus.QUEUED).getQueryObject().keySet());
    assertThat(UniqueIndexes.of(mongo, JobDocument.COLLECTION))
        .contains(JobStore.byIdAndOwner("id", "grower").getQueryObject().keySet());
  }

  private static JobService finishingNothing() {
    JobService jobs = mock(JobService.class);
    when(jobs.finishIfDone(anyString())).thenReturn(Mono.empty());
    return jobs;
  }

  private String id(String item) {
    return jobId + "-" + item;
  }

  private void insertJob(long total) {
    mongo.insert(new JobDocument(jobId, "grower", null, JobStatus.IN_PROGRESS, "zip", List.of("category"),
        new JobDocument.Counts(total, 0, 0, 0), Instant.now(), Instant.now(), null, null, null, null, null, null,
        null, null, null)).block(TIMEOUT);
  }

  private void insertItem(String item, ItemStatus status) {
    mongo.insert(new JobItemDocument(id(item), jobId, item, 0, status, "image/jpeg", 10, null, null, null, null,
        null)).block(TIMEOUT);
  }

  private void setStatus(String item, ItemStatus status) {
    mongo.updateFirst(Query.query(Criteria.where("_id").is(id(item))), new Update().set("status", status),
        JobItemDocument.class).block(TIMEOUT);
  }

  private ItemStatus status(String item) {
    return mongo.findById(id(item), JobItemDocument.class).block(TIMEOUT).status();
  }

  private JobDocument.Counts counts() {
    return mongo.findById(jobId, JobDocument.class).block(TIMEOUT).counts();
  }

  private ConsumerRecord<String, DiagnosisResult> answered(String item) {
    Diagnosis diagnosis = Diagnosis.newBuilder()
        .setCategory(new ScoredLabel("Tomato", 0.98f))
        .setHealth(new ScoredLabel("sick", 0.95f))
        .setDisease(new ScoredLabel("Early_blight", 0.91f))
        .setPredictedClass("Tomato___Early_blight")
        .setTop3(List.of(new ScoredLabel("Tomato___Early_blight", 0.91f)))
        .setUnknown(false)
        .build();
    return record(item, diagnosis);
  }

  private ConsumerRecord<String, DiagnosisResult> refused(String item) {
    return record(item, new DiagnosisError(ErrorCode.UNDECODABLE_IMAGE, "the image could not be decoded"));
  }

  private ConsumerRecord<String, DiagnosisResult> record(String item, Object outcome) {
    DiagnosisResult result = DiagnosisResult.newBuilder()
        .setId(id(item))
        .setOwner("grower")
        .setModelRelease("release-1")
        .setOutcome(outcome)
        .setTimings(new Timings(1L, 1L, 1L, 1))
        .setCompletedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .build();
    return new ConsumerRecord<>("plantspy.diagnosis.results.bulk", 0, 0L, id(item), result);
  }
}
