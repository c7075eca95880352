package io.plantspy.ingest.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.TestProperties;
import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.ResultWaiters;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.kafka.ResultPartitions;
import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The diagnosis store's writes in either order: a request is published before it is recorded, so its result may
 * come first; whatever the order, a diagnosis settles once and keeps the request's fields. And a wait for a
 * diagnosis not recorded yet.
 */
class DiagnosisStoreTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Instant CREATED = Instant.parse("2026-11-27T12:00:00Z");


  private final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("store");
  private final DiagnosisStore store =
      new DiagnosisStore(mongo, TestProperties.defaults(WaitProperties.class), new ResultPartitions());

  @Test
  void everyLookUpByIdAndAnotherFieldHasAnIndexOfExactlyThoseFields() {
    // The embedded MongoDB server uses an index only for a query of exactly its fields; any other query reads the
    // whole collection, once per result stored.
    store.createIndex();
    List<java.util.Set<String>> indexed = mongo.indexOps(DiagnosisDocument.class).getIndexInfo()
        .map(info -> info.getIndexFields().stream().map(f -> f.getKey())
            .collect(java.util.stream.Collectors.toSet()))
        .collectList().block(TIMEOUT);

    for (org.springframework.data.mongodb.core.query.Query query :
        List.of(DiagnosisStore.pendingById("id"), DiagnosisStore.ownedById("id", "grower"))) {
      assertThat(indexed).as("an index for %s", query).contains(query.getQueryObject().keySet());
    }
  }

  @Test
  void aPendingDiagnosisSettlesOnceAndARedeliveredOrDifferentResultChangesNothing() {
    String id = UUID.randomUUID().toString();
    assertThat(store.insertPending(pending(id)).block(TIMEOUT).status()).isEqualTo(DiagnosisStatus.PENDING);

    complete(id, result("release-1", null));
    complete(id, result("release-2", "INTERNAL"));

    DiagnosisDocument doc = read(id);
    assertThat(doc.status()).isEqualTo(DiagnosisStatus.DONE);
    assertThat(doc.result().modelRelease()).isEqualTo("release-1");
  }

  @Test
  void aPollWithARedeliveredResultStillStoresTheOthersOfThatPoll() {
    String settled = UUID.randomUUID().toString();
    String pending = UUID.randomUUID().toString();
    String unrecorded = UUID.randomUUID().toString();
    complete(settled, result("release-1", null));
    store.insertPending(pending(pending)).block(TIMEOUT);

    // The redelivered result comes first: its refusal must not stop the two after it.
    store.completeAll(List.of(
        new DiagnosisStore.Completion(settled, "grower", result("release-2", "INTERNAL"), null),
        new DiagnosisStore.Completion(pending, "grower", result("release-2", null), null),
        new DiagnosisStore.Completion(unrecorded, "grower", result("release-2", null), pending(unrecorded))))
        .block(TIMEOUT);

    assertThat(read(settled).result().modelRelease()).isEqualTo("release-1");
    assertThat(read(pending).status()).isEqualTo(DiagnosisStatus.DONE);
    assertThat(read(pending).result().modelRelease()).isEqualTo("release-2");
    assertThat(read(unrecorded).status()).isEqualTo(DiagnosisStatus.DONE);
    assertThat(read(unrecorded).requestedAnswers()).containsExactly("CATEGORY");
  }

  @Test
  void aResultForAnUnrecordedRequestCreatesItsDiagnosisWhichTheLateRecordDoesNotReopen() {
    String id = UUID.randomUUID().toString();
    complete(id, result("release-1", null));
    assertThat(read(id).status()).isEqualTo(DiagnosisStatus.DONE);

    DiagnosisDocument recorded = store.insertPending(pending(id)).block(TIMEOUT);

    assertThat(recorded.status()).isEqualTo(DiagnosisStatus.DONE);
    assertThat(recorded.result().modelRelease()).isEqualTo("release-1");
    assertThat(recorded.requestedAnswers()).containsExactly("CATEGORY");
    assertThat(recorded.source()).isEqualTo("UPLOAD");
  }

  @Test
  void aResultForARequestHeldUnrecordedCreatesTheWholeDiagnosis() {
    String id = UUID.randomUUID().toString();

    store.completeAll(List.of(new DiagnosisStore.Completion(id, "grower", result("release-1", null), pending(id))))
        .block(TIMEOUT);

    DiagnosisDocument doc = read(id);
    assertThat(doc.status()).isEqualTo(DiagnosisStatus.DONE);
    assertThat(doc.createdAt()).as("accepted, not stored, at").isEqualTo(CREATED);
    assertThat(doc.requestedAnswers()).containsExactly("CATEGORY");
    assertThat(doc.source()).isEqualTo("UPLOAD");
  }

  @Test
  void aWaitForADiagnosisWithoutDocumentLastsToItsDeadlineAndEndsPending() {
    // Nobody holds the result's partition here, so the wait polls MongoDB, where nothing is recorded yet.
    String id = UUID.randomUUID().toString();
    try (ResultWaiters.Waiter waiter = new ResultWaiters().register(id)) {
      DiagnosisDocument after = store.awaitSettled(pending(id), waiter, Duration.ofMillis(500)).block(TIMEOUT);
      assertThat(after).as("still waiting after the first empty poll").isNotNull();
      assertThat(after.status()).isEqualTo(DiagnosisStatus.PENDING);
    }
  }

  @Test
  void recordingTwiceKeepsTheFirstCreationTime() {
    String id = UUID.randomUUID().toString();
    store.insertPending(pending(id)).block(TIMEOUT);
    DiagnosisDocument again = store.insertPending(new DiagnosisDocument(id, "grower", DiagnosisStatus.PENDING,
        CREATED.plusSeconds(60), List.of("CATEGORY"), "UPLOAD", null)).block(TIMEOUT);
    assertThat(again.createdAt()).isEqualTo(CREATED);
  }

  private void complete(String id, StoredResult result) {
    store.completeAll(List.of(new DiagnosisStore.Completion(id, "grower", result, null))).block(TIMEOUT);
  }

  private DiagnosisDocument read(String id) {
    return store.findOwned(id, "grower").block(TIMEOUT);
  }

  private static DiagnosisDocument pending(String id) {
    return new DiagnosisDocument(id, "grower", DiagnosisStatus.PENDING, CREATED, List.of("CATEGORY"), "UPLOAD", null);
  }

  private static StoredResult result(String release, String errorCode) {
    return new StoredResult(release, null, null, null, null, List.of(), null, errorCode,
        errorCode == null ? null : "failed", new StoredResult.Timings(1, 1, 1, 1), CREATED.plusSeconds(1), null);
  }
}
