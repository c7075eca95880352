package io.plantspy.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.ResultWaiters;
import io.plantspy.ingest.history.ThumbnailDocument;
import io.plantspy.ingest.history.ThumbnailProperties;
import io.plantspy.ingest.history.ThumbnailStore;
import io.plantspy.ingest.history.Thumbnails;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.mongo.DiagnosisStore;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ErrorCode;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaLookupException;
import io.plantspy.schemas.Timings;
import io.plantspy.schemas.UnknownSchemaException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import reactor.core.publisher.Mono;

/**
 * What the result listener does with values the ErrorHandlingDeserializer could not read, and with the request of
 * a result that is waited for here before it is recorded.
 */
class ResultListenerTest {

  private final DiagnosisStore store = mock(DiagnosisStore.class);
  private final ResultWaiters waiters = new ResultWaiters();
  private final ThumbnailStore thumbnailStore = mock(ThumbnailStore.class);
  private final ResultListener listener = new ResultListener(store, waiters,
      new Thumbnails(thumbnailStore, new ThumbnailProperties(true, 160, 0.75f)), new SimpleMeterRegistry());

  @BeforeEach
  void thumbnailsAreStored() {
    when(thumbnailStore.saveAll(any())).thenReturn(Mono.empty());
  }

  @BeforeAll
  static void trustTheGeneratedClasses() {
    // Loading the catalog is what lets Avro's generated builders run (see AvroClassTrust).
    SchemaCatalog.load();
  }

  @Test
  void aResultUnreadableOnlyForWantOfTheSchemaTopicIsReadAgainNotSkipped() {
    when(store.completeAll(any())).thenReturn(Mono.empty());
    List<ConsumerRecord<String, DiagnosisResult>> poll = List.of(readable(0, "a"),
        unreadable(1, new SchemaLookupException("schema topic unreachable", null)), readable(2, "c"));

    assertThatThrownBy(() -> listener.onResults(poll))
        .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
    // What came before it is stored, so the error handler can commit it and seek back to the unread result.
    assertThat(storedIds()).containsExactly("a");
  }

  @Test
  void aResultWithASchemaFoundNowhereIsSkippedAndTheOthersStored() {
    when(store.completeAll(any())).thenReturn(Mono.empty());
    List<ConsumerRecord<String, DiagnosisResult>> poll = List.of(readable(0, "a"),
        unreadable(1, new UnknownSchemaException("fingerprint 0123456789abcdef found nowhere", null)),
        readable(2, "c"));

    listener.onResults(poll);

    assertThat(storedIds()).containsExactly("a", "c");
  }

  @Test
  void aResultOfARequestWaitedForUnrecordedHereCarriesTheRequestToTheStore() {
    when(store.completeAll(any())).thenReturn(Mono.empty());
    DiagnosisDocument pending = new DiagnosisDocument("a", "grower", DiagnosisStatus.PENDING,
        Instant.parse("2026-11-28T05:59:59Z"), List.of("CATEGORY"), "UPLOAD", null);

    try (ResultWaiters.Waiter waiter = waiters.registerUnrecorded(pending)) {
      listener.onResults(List.of(readable(0, "a"), readable(1, "c")));
    }

    List<DiagnosisStore.Completion> stored = stored();
    assertThat(stored.get(0).request()).isEqualTo(pending);
    assertThat(stored.get(1).request()).as("nobody here holds that request").isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theThumbnailAResultCarriesIsKeptUnderItsDiagnosisAndAFailureToKeepItFailsNothing() {
    when(store.completeAll(any())).thenReturn(Mono.empty());
    ConsumerRecord<String, DiagnosisResult> withThumbnail = readable(0, "a");
    withThumbnail.value().setThumbnail(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}));

    listener.onResults(List.of(withThumbnail, readable(1, "c")));

    ArgumentCaptor<List<ThumbnailDocument>> kept = ArgumentCaptor.forClass(List.class);
    verify(thumbnailStore).saveAll(kept.capture());
    assertThat(kept.getValue()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("a");
      assertThat(t.owner()).isEqualTo("grower");
      assertThat(t.createdAt()).isEqualTo(withThumbnail.value().getCompletedAt());
      assertThat(t.jpeg()).containsExactly(0xFF, 0xD8, 1, 2);
    });

    when(thumbnailStore.saveAll(any())).thenReturn(Mono.error(new IllegalStateException("thumbnails unwritable")));
    listener.onResults(List.of(withThumbnail));
    // The diagnoses were stored both times, and the second poll did not fail.
    verify(store, org.mockito.Mockito.times(2)).completeAll(any());
  }

  private List<String> storedIds() {
    return stored().stream().map(DiagnosisStore.Completion::id).toList();
  }

  @SuppressWarnings("unchecked")
  private List<DiagnosisStore.Completion> stored() {
    ArgumentCaptor<List<DiagnosisStore.Completion>> stored = ArgumentCaptor.forClass(List.class);
    verify(store).completeAll(stored.capture());
    return stored.getValue();
  }

  private static ConsumerRecord<String, DiagnosisResult> readable(long offset, String id) {
    DiagnosisResult result = DiagnosisResult.newBuilder()
        .setId(id)
        .setOwner("grower")
        .setModelRelease("2026-11-27-plantvillage31")
        .setOutcome(new DiagnosisError(ErrorCode.UNDECODABLE_IMAGE, "not an image"))
        .setTimings(new Timings(0L, 0L, 0L, 1))
        .setCompletedAt(Instant.parse("2026-11-28T06:00:00Z"))
        .build();
    return new ConsumerRecord<>("plantspy.diagnosis.results", 0, offset, id, result);
  }

  /** A record as the ErrorHandlingDeserializer hands it over: no value, the failure in a header. */
  private static ConsumerRecord<String, DiagnosisResult> unreadable(long offset, Exception why) {
    ConsumerRecord<String, DiagnosisResult> record =
        new ConsumerRecord<>("plantspy.diagnosis.results", 0, offset, "b", null);
    SerializationUtils.deserializationException(record.headers(), new byte[] {(byte) 0xC3, 0x01}, why, false);
    return record;
  }
}
