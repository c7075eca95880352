package io.plantspy.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.inference.HotSwapClassifier;
import io.plantspy.processor.inference.ReleaseClassifier;
import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ErrorCode;
import io.plantspy.schemas.ThumbnailRequest;
import io.plantspy.testsupport.DatasetAssumption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosisTopologyTest {

  private static final Duration LONG_WAIT = Duration.ofHours(1);

  private static ReleaseClassifier realModel;

  @TempDir
  Path stateDir;

  private final FakeClassifier fake = new FakeClassifier();

  @BeforeAll
  static void loadRealModel() throws IOException {
    realModel = ReleaseClassifier.load(TestRequests.servingCommittedModels());
  }

  @AfterAll
  static void closeRealModel() {
    realModel.close();
  }

  @Test
  void answersAValidRequestWithTheRealModel() throws IOException {
    Optional<Path> photo = TestRequests.datasetImage("Tomato___healthy");
    DatasetAssumption.present(photo.isPresent(), "no PlantVillage photos (-Dplantspy.dataset.dir)");
    try (TopologyHarness harness = harness(ProcessorProperties.defaults(), realModel, ImageResolver.inlineOnly())) {
      harness.send(TestRequests.inline("leaf-1", Files.readAllBytes(photo.get())));
      harness.advance(Duration.ofMillis(20));

      DiagnosisResult result = harness.results.readValue();
      assertThat(result.getId()).isEqualTo("leaf-1");
      assertThat(result.getOwner()).isEqualTo("owner-of-leaf-1");
      assertThat(result.getModelRelease()).isEqualTo(realModel.releaseId());
      Diagnosis diagnosis = (Diagnosis) result.getOutcome();
      assertThat(diagnosis.getPredictedClass()).isEqualTo("Tomato___healthy");
      assertThat(diagnosis.getCategory().getLabel()).isEqualTo("Tomato");
      assertThat(diagnosis.getHealth().getLabel()).isEqualTo("healthy");
      assertThat(diagnosis.getTop3()).hasSize(3);
      assertThat(result.getTimings().getBatchSize()).isEqualTo(1);
    }
  }

  @Test
  void answersAGeneratedJpegWithTheRealModel() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults(), realModel, ImageResolver.inlineOnly())) {
      harness.send(TestRequests.inline("green-1", TestRequests.generatedJpeg()));
      harness.advance(Duration.ofMillis(20));

      DiagnosisResult result = harness.results.readValue();
      assertThat(result.getId()).isEqualTo("green-1");
      assertThat(result.getModelRelease()).isEqualTo(realModel.releaseId());
      // Any class (or unknown) will do for a synthetic image; what matters is a real model answer.
      assertThat(result.getOutcome()).isInstanceOfSatisfying(Diagnosis.class,
          d -> assertThat(d.getPredictedClass()).isNotBlank());
    }
  }

  @Test
  void batchesUpToMaxSizeThenFlushes() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(3, LONG_WAIT), fake,
        ImageResolver.inlineOnly())) {
      harness.send(TestRequests.inline("a", TestRequests.generatedJpeg()));
      harness.send(TestRequests.inline("b", TestRequests.generatedJpeg()));
      assertThat(harness.results.isEmpty()).isTrue();
      assertThat(harness.buffered()).isEqualTo(2);

      harness.send(TestRequests.inline("c", TestRequests.generatedJpeg()));

      List<DiagnosisResult> results = harness.results.readValuesToList();
      assertThat(results).extracting(DiagnosisResult::getId).containsExactlyInAnyOrder("a", "b", "c");
      assertThat(results).allSatisfy(r -> assertThat(r.getTimings().getBatchSize()).isEqualTo(3));
      assertThat(fake.calls).containsExactly(3);
      assertThat(harness.buffered()).isZero();
    }
  }

  @Test
  void answersInteractiveRequestsOnlyOnTheInteractiveResultsTopic() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(1, LONG_WAIT), fake,
        ImageResolver.inlineOnly())) {
      harness.send(TestRequests.inline("a", TestRequests.generatedJpeg()));
      harness.requests.pipeInput("corrupt", new byte[] {1, 2, 3});

      assertThat(harness.results.readValuesToList()).extracting(DiagnosisResult::getId)
          .containsExactlyInAnyOrder("a", "corrupt");
      assertThat(harness.otherResults.isEmpty()).as("an interactive answer on the bulk results topic").isTrue();
    }
  }

  @Test
  void answersFeedFramesOnTheFeedResultsTopicAndUploadsOnTheResultsTopicFromOneBatch() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(2, LONG_WAIT), fake,
        ImageResolver.inlineOnly())) {
      harness.send(TestRequests.feedFrame("frame", TestRequests.generatedJpeg()));
      harness.send(TestRequests.inline("upload", TestRequests.generatedJpeg()));

      assertThat(fake.calls).as("one batch for both").containsExactly(2);
      assertThat(harness.feedResults.readValuesToList()).extracting(DiagnosisResult::getId).containsExactly("frame");
      assertThat(harness.results.readValuesToList()).extracting(DiagnosisResult::getId).containsExactly("upload");
    }
  }

  @Test
  void punctuatorFlushesAPartialBatchAfterMaxWait() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(8, Duration.ofMillis(20)), fake,
        ImageResolver.inlineOnly())) {
      harness.send(TestRequests.inline("a", TestRequests.generatedJpeg()));
      harness.send(TestRequests.inline("b", TestRequests.generatedJpeg()));
      harness.advance(Duration.ofMillis(10));
      assertThat(harness.results.isEmpty()).as("flushed before max wait").isTrue();

      harness.advance(Duration.ofMillis(10));

      assertThat(harness.results.readValuesToList()).extracting(DiagnosisResult::getId)
          .containsExactlyInAnyOrder("a", "b");
      assertThat(fake.calls).containsExactly(2);
      assertThat(harness.buffered()).isZero();
    }
  }

  @Test
  void nothingIsPunctuatedWhileTheBufferIsEmpty() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(8, Duration.ofMillis(20)), fake,
        ImageResolver.inlineOnly())) {
      harness.advance(Duration.ofMinutes(1));
      assertThat(harness.punctuations()).as("punctuations before any request").isZero();

      harness.send(TestRequests.inline("a", TestRequests.generatedJpeg()));
      harness.advance(Duration.ofMillis(20));
      assertThat(harness.results.readValue().getId()).isEqualTo("a");
      assertThat(harness.punctuations()).as("the one that flushed the batch").isEqualTo(1);

      harness.advance(Duration.ofMinutes(1));
      assertThat(harness.punctuations()).as("punctuations once the batch is answered").isEqualTo(1);
    }
  }

  @Test
  void poisonPillGoesToDlqAndAnErrorResult() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults(), fake, ImageResolver.inlineOnly())) {
      byte[] valid = TopologyHarness.encode(TestRequests.inline("poison", TestRequests.generatedJpeg()));
      // Cut inside the image bytes: not decodable, yet id and owner at the front are intact.
      byte[] truncated = Arrays.copyOf(valid, 60);
      harness.requests.pipeInput("poison", truncated);

      TestRecord<String, byte[]> dead = harness.dlq.readRecord();
      assertThat(dead.key()).isEqualTo("poison");
      assertThat(dead.value()).isEqualTo(truncated);
      Headers headers = dead.headers();
      assertThat(header(headers, DeadLetters.EXCEPTION))
          .isEqualTo("org.apache.kafka.common.errors.SerializationException");
      assertThat(header(headers, DeadLetters.MESSAGE)).contains("Cannot deserialize DiagnosisRequest");
      assertThat(header(headers, DeadLetters.TOPIC)).isEqualTo("plantspy.diagnosis.requests");
      assertThat(header(headers, DeadLetters.PARTITION)).isEqualTo("0");
      assertThat(header(headers, DeadLetters.OFFSET)).isEqualTo("0");

      DiagnosisResult error = harness.results.readValue();
      assertThat(error.getId()).isEqualTo("poison");
      assertThat(error.getOwner()).isEqualTo("owner-of-poison");
      assertThat(error.getModelRelease()).isNull();
      assertThat(((DiagnosisError) error.getOutcome()).getCode()).isEqualTo(ErrorCode.INTERNAL);

      // Garbage with no recoverable owner still gets an answer, visible only to privileged readers.
      harness.requests.pipeInput("garbage", "not avro".getBytes(StandardCharsets.UTF_8));
      assertThat(harness.dlq.readRecord().key()).isEqualTo("garbage");
      assertThat(harness.results.readValue().getOwner()).isEmpty();

      harness.send(TestRequests.inline("next", TestRequests.generatedJpeg()));
      harness.advance(Duration.ofMillis(20));
      DiagnosisResult next = harness.results.readValue();
      assertThat(next.getId()).isEqualTo("next");
      assertThat(next.getOutcome()).isInstanceOf(Diagnosis.class);
      assertThat(harness.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void undecodableImageGetsTypedErrorWithoutFailingTheBatch() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(3, LONG_WAIT), fake,
        ImageResolver.inlineOnly())) {
      harness.send(TestRequests.inline("good-1", TestRequests.generatedJpeg()));
      harness.send(TestRequests.inline("broken", TestRequests.truncatedJpeg()));
      harness.send(TestRequests.inline("good-2", TestRequests.generatedJpeg()));

      Map<String, DiagnosisResult> results = harness.results.readKeyValuesToMap();
      assertThat(results).containsOnlyKeys("good-1", "broken", "good-2");
      DiagnosisError error = (DiagnosisError) results.get("broken").getOutcome();
      assertThat(error.getCode()).isEqualTo(ErrorCode.UNDECODABLE_IMAGE);
      assertThat(error.getMessage()).isNotBlank();
      assertThat(results.get("broken").getModelRelease()).isNull();
      assertThat(results.get("good-1").getOutcome()).isInstanceOf(Diagnosis.class);
      assertThat(results.get("good-2").getOutcome()).isInstanceOf(Diagnosis.class);
      assertThat(fake.calls).as("one model call for the two good images").containsExactly(2);
    }
  }

  @Test
  void aRequestsCallbackUrlTravelsOnToItsAnswerAndToItsErrorAnswer() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(3, LONG_WAIT), fake,
        ImageResolver.inlineOnly())) {
      DiagnosisRequest good = TestRequests.inline("good", TestRequests.generatedJpeg());
      good.setCallbackUrl("https://hooks.example.com/good");
      DiagnosisRequest broken = TestRequests.inline("broken", TestRequests.truncatedJpeg());
      broken.setCallbackUrl("https://hooks.example.com/broken");
      harness.send(good);
      harness.send(broken);
      harness.send(TestRequests.inline("plain", TestRequests.generatedJpeg()));

      Map<String, DiagnosisResult> results = harness.results.readKeyValuesToMap();
      assertThat(results.get("good").getCallbackUrl()).isEqualTo("https://hooks.example.com/good");
      assertThat(results.get("broken").getOutcome()).isInstanceOf(DiagnosisError.class);
      assertThat(results.get("broken").getCallbackUrl()).isEqualTo("https://hooks.example.com/broken");
      assertThat(results.get("plain").getCallbackUrl()).isNull();
    }
  }

  @Test
  void aThumbnailComesBackWithTheAnswerOnlyWhenTheRequestAsksForOne() throws IOException {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(3, LONG_WAIT), fake,
        ImageResolver.inlineOnly())) {
      DiagnosisRequest asking = TestRequests.inline("asking", TestRequests.generatedJpeg());
      asking.setThumbnail(new ThumbnailRequest(48, 0.75f));
      DiagnosisRequest broken = TestRequests.inline("broken", TestRequests.truncatedJpeg());
      broken.setThumbnail(new ThumbnailRequest(48, 0.75f));
      harness.send(asking);
      harness.send(broken);
      harness.send(TestRequests.inline("plain", TestRequests.generatedJpeg()));

      Map<String, DiagnosisResult> results = harness.results.readKeyValuesToMap();
      ByteBuffer jpeg = results.get("asking").getThumbnail();
      java.awt.image.BufferedImage thumbnail = javax.imageio.ImageIO.read(
          new java.io.ByteArrayInputStream(jpeg.array(), jpeg.arrayOffset() + jpeg.position(), jpeg.remaining()));
      assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(48);
      assertThat(results.get("broken").getOutcome()).isInstanceOf(DiagnosisError.class);
      assertThat(results.get("broken").getThumbnail()).isNull();
      assertThat(results.get("plain").getThumbnail()).isNull();
    }
  }

  @Test
  void missingClaimCheckImageGetsImageNotFound() {
    byte[] stored = TestRequests.generatedJpeg();
    ImageResolver images = new ImageResolver(Map.of("gridfs",
        id -> id.equals("present") ? Optional.of(stored) : Optional.empty()));
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(3, LONG_WAIT), fake, images)) {
      harness.send(TestRequests.reference("found", "gridfs", "present"));
      harness.send(TestRequests.reference("lost", "gridfs", "absent"));
      harness.send(TestRequests.reference("elsewhere", "s3", "present"));

      Map<String, DiagnosisResult> results = harness.results.readKeyValuesToMap();
      assertThat(results.get("found").getOutcome()).isInstanceOf(Diagnosis.class);
      assertThat(((DiagnosisError) results.get("lost").getOutcome()).getCode()).isEqualTo(ErrorCode.IMAGE_NOT_FOUND);
      assertThat(((DiagnosisError) results.get("elsewhere").getOutcome()).getCode())
          .isEqualTo(ErrorCode.IMAGE_NOT_FOUND);
    }
  }

  @Test
  void aRedeliveredRequestIsAnsweredOnce() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults(), fake, ImageResolver.inlineOnly())) {
      DiagnosisRequest request = TestRequests.inline("twice", TestRequests.generatedJpeg());
      harness.send(request);
      harness.send(request);
      harness.advance(Duration.ofMillis(20));

      assertThat(harness.results.readValuesToList()).extracting(DiagnosisResult::getId).containsExactly("twice");
    }
  }

  @Test
  void metersCountRequestsErrorsBatchesAndInferenceTaggedWithTheRelease() {
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(3, LONG_WAIT), fake,
        ImageResolver.inlineOnly())) {
      harness.send(TestRequests.inline("good-1", TestRequests.generatedJpeg()));
      harness.send(TestRequests.inline("broken", TestRequests.truncatedJpeg()));
      harness.send(TestRequests.inline("good-2", TestRequests.generatedJpeg()));
      harness.requests.pipeInput("poison", new byte[] {1, 2, 3});

      MeterRegistry meters = harness.registry;
      String release = FakeClassifier.RELEASE;
      assertThat(meters.get(DiagnosisMetrics.REQUESTS).tag("release", release).counter().count()).isEqualTo(3);
      assertThat(meters.get(DiagnosisMetrics.ERRORS).tags("release", release, "code", "UNDECODABLE_IMAGE")
          .counter().count()).isEqualTo(1);
      assertThat(meters.get(DiagnosisMetrics.ERRORS).tags("release", release, "code", "INTERNAL")
          .counter().count()).isEqualTo(1);
      assertThat(meters.get(DiagnosisMetrics.DEAD_LETTERS).tag("release", release).counter().count()).isEqualTo(1);
      assertThat(meters.get(DiagnosisMetrics.BATCH_SIZE).tag("release", release).summary().totalAmount())
          .isEqualTo(2);
      assertThat(meters.get(DiagnosisMetrics.INFERENCE).tag("release", release).timer().count()).isEqualTo(1);
    }
  }

  @Test
  void resultsBeforeTheSwapCarryTheOldReleaseAndAfterItTheNew() {
    FakeClassifier old = new FakeClassifier("release-old");
    HotSwapClassifier classifier = new HotSwapClassifier(old);
    try (TopologyHarness harness = harness(ProcessorProperties.defaults().withBatch(2, LONG_WAIT), classifier,
        ImageResolver.inlineOnly())) {
      harness.send(TestRequests.inline("before-1", TestRequests.generatedJpeg()));
      harness.send(TestRequests.inline("before-2", TestRequests.generatedJpeg()));
      classifier.swap(new FakeClassifier("release-new"));
      harness.send(TestRequests.inline("after-1", TestRequests.generatedJpeg()));
      harness.send(TestRequests.inline("after-2", TestRequests.generatedJpeg()));

      Map<String, String> releaseOf = new HashMap<>();
      harness.results.readValuesToList().forEach(r -> releaseOf.put(r.getId(), r.getModelRelease()));
      assertThat(releaseOf).containsExactlyInAnyOrderEntriesOf(Map.of("before-1", "release-old",
          "before-2", "release-old", "after-1", "release-new", "after-2", "release-new"));
      assertThat(old.closed).as("the old release, once its batch was done").isTrue();
      MeterRegistry meters = harness.registry;
      assertThat(meters.get(DiagnosisMetrics.BATCH_SIZE).tag("release", "release-old").summary().totalAmount())
          .isEqualTo(2);
      assertThat(meters.get(DiagnosisMetrics.BATCH_SIZE).tag("release", "release-new").summary().totalAmount())
          .isEqualTo(2);
      assertThat(meters.get(DiagnosisMetrics.REQUESTS).tag("release", "release-new").counter().count())
          .isEqualTo(2);
    }
  }

  @Test
  void anUnreachableImageStoreBacksOffAndAnswersOnceItIsBack() {
    FailingStore store = new FailingStore(2);
    ProcessorProperties config = retrying(5).withBatch(8, Duration.ofMillis(20));
    try (TopologyHarness harness = harness(config, fake, store.resolver())) {
      harness.send(TestRequests.reference("patient", "gridfs", "img"));

      harness.advance(Duration.ofMillis(20)); // first attempt: the store is down
      assertThat(store.calls).isEqualTo(1);
      assertThat(harness.results.isEmpty()).isTrue();
      assertThat(harness.buffered()).as("kept buffered for the retry").isEqualTo(1);

      harness.advance(Duration.ofMillis(99)); // the first backoff (100 ms) has not passed
      assertThat(store.calls).isEqualTo(1);
      harness.advance(Duration.ofMillis(1)); // second attempt, still down; backoff doubles to 200 ms
      assertThat(store.calls).isEqualTo(2);
      harness.advance(Duration.ofMillis(199));
      assertThat(store.calls).isEqualTo(2);
      harness.advance(Duration.ofMillis(1)); // third attempt: back

      DiagnosisResult result = harness.results.readValue();
      assertThat(result.getId()).isEqualTo("patient");
      assertThat(result.getOutcome()).isInstanceOf(Diagnosis.class);
      assertThat(harness.buffered()).isZero();
      assertThat(harness.dlq.isEmpty()).isTrue();
      assertThat(harness.registry.get(DiagnosisMetrics.RETRIES).counter().count()).isEqualTo(2);
    }
  }

  @Test
  void aRequestThatKeepsFailingIsAnsweredWithAnErrorAndDeadLetteredAfterMaxAttempts() throws IOException {
    FailingStore store = new FailingStore(Integer.MAX_VALUE);
    try (TopologyHarness harness = harness(retrying(3).withBatch(8, Duration.ofMillis(20)), fake, store.resolver())) {
      harness.send(TestRequests.reference("doomed", "gridfs", "img"));
      harness.advance(Duration.ofMillis(20));
      harness.advance(Duration.ofMillis(100));
      assertThat(harness.results.isEmpty()).as("answered before the last attempt").isTrue();
      harness.advance(Duration.ofMillis(200));

      assertThat(store.calls).isEqualTo(3);
      DiagnosisResult error = harness.results.readValue();
      assertThat(error.getId()).isEqualTo("doomed");
      assertThat(error.getOwner()).isEqualTo("owner-of-doomed");
      DiagnosisError outcome = (DiagnosisError) error.getOutcome();
      assertThat(outcome.getCode()).isEqualTo(ErrorCode.INTERNAL);
      assertThat(outcome.getMessage()).contains("3 attempts");

      TestRecord<String, byte[]> dead = harness.dlq.readRecord();
      assertThat(dead.key()).isEqualTo("doomed");
      assertThat(DiagnosisRequest.getDecoder().decode(dead.value()).getId()).isEqualTo("doomed");
      assertThat(header(dead.headers(), DeadLetters.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
      assertThat(header(dead.headers(), DeadLetters.MESSAGE)).isEqualTo("GridFS unreachable");
      assertThat(header(dead.headers(), DeadLetters.ATTEMPTS)).isEqualTo("3");
      assertThat(header(dead.headers(), DeadLetters.TOPIC)).isEqualTo("plantspy.diagnosis.requests");
      assertThat(harness.buffered()).isZero();
      assertThat(harness.registry.get(DiagnosisMetrics.DEAD_LETTERS).counter().count()).isEqualTo(1);

      harness.advance(Duration.ofMinutes(5));
      assertThat(store.calls).as("not retried once given up").isEqualTo(3);
      assertThat(harness.results.isEmpty()).isTrue();
    }
  }

  @Test
  void aFailingRequestDoesNotCostItsBatchMatesTheirAnswers() {
    byte[] stored = TestRequests.generatedJpeg();
    ImageResolver images = new ImageResolver(Map.of("gridfs", id -> {
      if (id.equals("bad")) {
        throw new IllegalStateException("chunk unreadable");
      }
      return Optional.of(stored);
    }));
    try (TopologyHarness harness = harness(retrying(2).withBatch(3, Duration.ofMillis(20)), fake, images)) {
      harness.send(TestRequests.reference("good-1", "gridfs", "ok"));
      harness.send(TestRequests.reference("bad", "gridfs", "bad"));
      harness.send(TestRequests.reference("good-2", "gridfs", "ok"));
      assertThat(harness.results.isEmpty()).as("the whole batch failed once").isTrue();

      harness.advance(Duration.ofMillis(100)); // the retry runs each request on its own

      Map<String, DiagnosisResult> results = harness.results.readKeyValuesToMap();
      assertThat(results.get("good-1").getOutcome()).isInstanceOf(Diagnosis.class);
      assertThat(results.get("good-2").getOutcome()).isInstanceOf(Diagnosis.class);
      assertThat(((DiagnosisError) results.get("bad").getOutcome()).getCode()).isEqualTo(ErrorCode.INTERNAL);
      assertThat(harness.dlq.readKeyValuesToMap()).containsOnlyKeys("bad");
    }
  }

  /** Retries with a 100 ms first backoff that doubles up to 1 s, giving up after {@code maxAttempts}. */
  private static ProcessorProperties retrying(int maxAttempts) {
    return ProcessorProperties.bind(Map.of("retry.max-attempts", Integer.toString(maxAttempts),
        "retry.initial-backoff", "100ms", "retry.max-backoff", "1s"));
  }

  /** A GridFS stand-in that is unreachable for its first {@code failures} fetches. */
  private static final class FailingStore {
    private final int failures;
    private final byte[] image = TestRequests.generatedJpeg();
    int calls;

    FailingStore(int failures) {
      this.failures = failures;
    }

    ImageResolver resolver() {
      return new ImageResolver(Map.of("gridfs", id -> {
        if (++calls <= failures) {
          throw new IllegalStateException("GridFS unreachable");
        }
        return Optional.of(image);
      }));
    }
  }

  private TopologyHarness harness(ProcessorProperties config, io.plantspy.processor.inference.BatchClassifier model,
      ImageResolver images) {
    return new TopologyHarness(config, model, images, stateDir);
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
