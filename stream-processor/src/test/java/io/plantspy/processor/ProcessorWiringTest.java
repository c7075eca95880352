package io.plantspy.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.releases.ServedRelease;
import io.plantspy.processor.topology.DiagnosisTopology;
import io.plantspy.processor.topology.TestRequests;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.TopicNames;
import io.plantspy.testsupport.ExportedMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.context.LifecycleProcessor;

/**
 * The real application's wiring (component and properties scanning, auto-configuration, ProcessorConfiguration)
 * with the committed model release, but no Kafka: the context's lifecycle processor is replaced by one that starts
 * nothing, so StreamsLifecycle is built and never started. The bootstrap address points nowhere in case it were.
 */
class ProcessorWiringTest {

  private static final Path MODELS = TestRequests.modelsDir();
  // The bean name AbstractApplicationContext looks up before falling back to its default processor.
  private static final String LIFECYCLE_PROCESSOR = "lifecycleProcessor";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(StreamProcessorApplication.class)
      .withBean(LIFECYCLE_PROCESSOR, LifecycleProcessor.class, NothingStarts::new)
      .withPropertyValues(
          "plantspy.processor.bootstrap-servers=127.0.0.1:1",
          "plantspy.processor.application-id=plantspy-wiring-test",
          "plantspy.processor.models-dir=" + MODELS);

  @Test
  void buildsEveryBeanFromTheCommittedReleaseWithoutStartingKafkaStreams() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();

      ProcessorProperties properties = context.getBean(ProcessorProperties.class);
      assertThat(properties.modelsDir()).isEqualTo(MODELS);
      assertThat(properties.batch()).isEqualTo(ProcessorProperties.defaults().batch());
      assertThat(properties.inference()).isEqualTo(ProcessorProperties.defaults().inference());

      String current = Files.readString(MODELS.resolve("CURRENT")).trim();
      assertThat(context.getBean(ServedRelease.class).classifier().releaseId()).isEqualTo(current);

      // Without plantspy.processor.gridfs.uri there is no MongoDB client, and claim checks are answered missing.
      assertThat(context).doesNotHaveBean(MongoClient.class);
      assertThat(context.getBean(ImageResolver.class).bytes(new ImageReference("gridfs", "0123456789abcdef01234567")))
          .isEmpty();

      String topology = context.getBean("diagnosisTopology", Topology.class).describe().toString();
      assertThat(topology).contains(TopicNames.defaults().requests(), DiagnosisTopology.BUFFER_STORE);
      String bulk = context.getBean("bulkTopology", Topology.class).describe().toString();
      assertThat(bulk).contains(TopicNames.DIAGNOSIS_REQUESTS_BULK, TopicNames.JOB_CANCELLATIONS,
          TopicNames.DIAGNOSIS_RESULTS_BULK, DiagnosisTopology.CANCELLED_JOBS_STORE);
      assertThat(context).hasSingleBean(MeterRegistry.class);

      assertThat(context.getBeansOfType(StreamsLifecycle.class)).hasSize(2)
          .allSatisfy((name, lifecycle) -> assertThat(lifecycle.isRunning()).as(name).isFalse());
    });
  }

  @Test
  void servesItsMetersToPrometheusAtTheActuatorEndpointItsPropertiesExpose() {
    new ReactiveWebApplicationContextRunner()
        // The committed application.properties, whose exposure list is what is tested.
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withUserConfiguration(StreamProcessorApplication.class)
        .withBean(LIFECYCLE_PROCESSOR, LifecycleProcessor.class, NothingStarts::new)
        .withPropertyValues(
            "plantspy.processor.bootstrap-servers=127.0.0.1:1",
            "plantspy.processor.application-id=plantspy-wiring-test",
            "plantspy.processor.models-dir=" + MODELS)
        .run(context -> {
          assertThat(context).hasNotFailed();
          String scrape = WebTestClient.bindToApplicationContext(context).build()
              .get().uri("/actuator/prometheus").exchange()
              .expectStatus().isOk()
              .expectBody(String.class).returnResult().getResponseBody();
          assertThat(scrape).contains("plantspy_processor_requests_total{", "plantspy_processor_batch_size_bucket{");
          // Without GridFS no announcement is followed: the committed release serves, and no champion does.
          assertThat(scrape).containsPattern("(?m)^plantspy_processor_release_champion\\{[^}]*} 0\\.0$");
          // The Kafka names come with running clients: DiagnosisProcessorIT checks those.
          assertThat(ExportedMetrics.of("stream-processor").only(name -> !name.startsWith("kafka_"))
              .missingFrom(scrape)).as("listed names without a sample").isEmpty();
        });
  }

  @Test
  void withBulkDisabledOnlyTheInteractiveInstanceIsBuilt() {
    runner.withPropertyValues("plantspy.processor.bulk.enabled=false").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBeansOfType(StreamsLifecycle.class)).containsOnlyKeys("streamsLifecycle");
      assertThat(context.getBeansOfType(Topology.class)).containsOnlyKeys("diagnosisTopology");
    });
  }

  @Test
  void aZeroBatchWaitStopsStartupWithAMessageNamingTheProperty() {
    runner.withPropertyValues("plantspy.processor.batch.max-wait=0").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure())
          .hasMessageContaining("plantspy.processor")
          .rootCause()
          .hasMessage("plantspy.processor.batch.max-wait must be positive, was PT0S");
    });
  }

  @Test
  void anOutOfRangeValueStopsStartupWithTheValidationMessage() {
    runner.withPropertyValues("plantspy.processor.num-stream-threads=0").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("numStreamThreads")
          .hasMessageContaining("must be greater than or equal to 1");
    });
  }

  /** Starts and stops nothing: the wiring is under test, not Kafka Streams. */
  private static final class NothingStarts implements LifecycleProcessor {

    @Override
    public void onRefresh() {}

    @Override
    public void onClose() {}

    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public boolean isRunning() {
      return false;
    }
  }
}
