package io.plantspy.trainerservice.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.LabSample;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.trainerservice.lab.LabSamples;
import io.plantspy.trainerservice.lab.LiveSamples;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SampleTriggerTest {

  private final LiveSamples live = new LiveSamples();
  private final List<Runnable> handedToWorker = new ArrayList<>();
  private RunStore store;
  private SampleTrigger trigger;

  @BeforeEach
  void setUp() {
    store = new RunStore(TestMongo.freshDatabase("trigger"));
    RunQueue queue = new RunQueue(store, null, handedToWorker::add, Clock.systemUTC());
    LabSamples samples = new LabSamples() {
      @Override
      public List<LabSample> liveSamples() {
        return live.snapshot();
      }

      @Override
      public void onChange(Runnable listener) {}
    };
    trigger = new SampleTrigger(samples, store, queue, properties(3));
    trigger.ready();
  }

  @Test
  void queuesNothingBeforeTheServiceIsReady() {
    SampleTrigger starting = new SampleTrigger(new LabSamples() {
      @Override
      public List<LabSample> liveSamples() {
        return live.snapshot();
      }

      @Override
      public void onChange(Runnable listener) {}
    }, store, new RunQueue(store, null, handedToWorker::add, Clock.systemUTC()), properties(1));
    add("s1", "a");

    assertThat(starting.check()).isEmpty();
    starting.ready();
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void queuesARunOnceThresholdSamplesAreLive() {
    add("s1", "a");
    add("s2", "b");
    assertThat(trigger.check()).isEmpty();

    add("s3", "c");

    assertThat(trigger.check()).hasValueSatisfying(run -> assertThat(run.trigger()).isEqualTo(Trigger.SAMPLES));
  }

  @Test
  void countsOnlySamplesTheLastStartedRunDidNotTrainOn() {
    add("s1", "a");
    add("s2", "b");
    add("s3", "c");
    TrainingRun first = trigger.check().orElseThrow();
    store.start(first.id(), Instant.now(), 1, live.snapshot().stream().map(LabSample::getSha256).toList());
    store.fail(first.id(), Instant.now(), "test");

    add("s4", "d");
    add("s5", "e");
    assertThat(trigger.check()).isEmpty();

    add("s6", "f");
    assertThat(trigger.check()).isPresent();
  }

  @Test
  void withdrawnSamplesAndDuplicateBytesDoNotCount() {
    add("s1", "a");
    add("s2", "a"); // same bytes under a second id
    add("s3", "b");
    add("s4", "c");
    live.apply("s4", null); // tombstone

    assertThat(trigger.check()).isEmpty();
  }

  @Test
  void queuesNoSecondRunWhileOneIsQueued() {
    add("s1", "a");
    add("s2", "b");
    add("s3", "c");
    assertThat(trigger.check()).isPresent();

    add("s4", "d");

    assertThat(trigger.check()).isEmpty();
    assertThat(handedToWorker).hasSize(1);
  }

  private void add(String id, String sha) {
    live.apply(id, LabSample.newBuilder().setId(id).setOwner("lab").setLabel("Tomato___healthy")
        .setImage(new ImageReference("gridfs:lab_images", "0".repeat(24))).setContentType("image/jpeg")
        .setSha256(sha).setCreatedAt(Instant.now()).build());
  }

  static RunsProperties properties(int threshold) {
    return properties(threshold, true);
  }

  static RunsProperties properties(int threshold, boolean followChampionRecipe) {
    return new RunsProperties(threshold, "-", null, null, java.nio.file.Path.of("runs"), null, 1, 0.2, 1, 0.1, 16,
        List.of(io.plantspy.trainer.embed.Augmentation.NONE), 0.02, 2.0, 5, 0.05, 1.0, 5.0, 2.0, followChampionRecipe);
  }

}
