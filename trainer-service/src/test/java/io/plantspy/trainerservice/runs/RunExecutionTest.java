package io.plantspy.trainerservice.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.schemas.LabSample;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.trainerservice.lab.LabImageCopies;
import io.plantspy.trainerservice.lab.LabProperties;
import io.plantspy.trainerservice.lab.LabSamples;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

class RunExecutionTest {

  @TempDir
  Path work;

  @Test
  void aRunWithoutABaseDatasetFailsSayingSoAndNeverTrains() {
    MongoTemplate mongo = TestMongo.freshDatabase("execution");
    RunStore store = new RunStore(mongo);
    AtomicInteger trainings = new AtomicInteger();
    LabSamples none = new LabSamples() {
      @Override
      public List<LabSample> liveSamples() {
        return List.of();
      }

      @Override
      public void onChange(Runnable listener) {}
    };
    // No registry: a run that fails before training must not reach it (it would throw here).
    RunExecution execution = new RunExecution(store, none,
        new LabImageCopies(mongo.getDb(), new LabProperties("lab_images", work.resolve("lab"), Duration.ofSeconds(1))),
        null, request -> {
          trainings.incrementAndGet();
          throw new IllegalStateException("must not train");
        }, SampleTriggerTest.properties(50), Clock.systemUTC());
    TrainingRun run = TrainingRun.queued("run-1", Trigger.DEMAND, "admin", Clock.systemUTC().instant());
    store.insert(run);

    execution.execute(run.id());

    TrainingRun after = store.find(run.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(RunStatus.FAILED);
    assertThat(after.failure()).startsWith("no base dataset configured");
    assertThat(after.startedAt()).isNotNull();
    assertThat(after.finishedAt()).isNotNull();
    assertThat(after.outcome()).isNull();
    assertThat(trainings).hasValue(0);
  }
}
