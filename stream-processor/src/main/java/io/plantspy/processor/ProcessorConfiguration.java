package io.plantspy.processor;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.config.StreamsSettings;
import io.plantspy.processor.metrics.BulkMetrics;
import io.plantspy.processor.priority.PriorityGate;
import io.plantspy.processor.images.GridFsImageStore;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.images.ClaimCheckStore;
import io.plantspy.processor.releases.ServedRelease;
import io.plantspy.processor.topology.DiagnosisTopology;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the model, the blob store and the topology into a running Kafka Streams instance. The meter registry is
 * the actuator's (Prometheus, scraped at /actuator/prometheus).
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

  /** Exit status when Kafka Streams ends in ERROR (EX_SOFTWARE). */
  static final int FATAL_EXIT_CODE = 70;

  /** How long a stream thread may wait for the schema topic; well within max.poll.interval.ms. */
  private static final Duration SCHEMA_TOPIC_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The served release: the one announced on the releases topic when there is one (fetched from GridFS), else the
   * committed one; then every release announced later, swapped in between batches.
   */
  /** The announced release when there is one and it loads, else the committed one; each new one swapped in. */
  @Bean(destroyMethod = "close")
  ServedRelease servedRelease(ProcessorProperties properties, ObjectProvider<MongoClient> mongo,
      SchemaCatalog schemas, MeterRegistry registry) throws IOException {
    return ServedRelease.start(properties, mongo.getIfAvailable(), schemas, registry);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(prefix = "plantspy.processor.gridfs", name = "uri")
  MongoClient mongoClient(ProcessorProperties properties) {
    return MongoClients.create(properties.gridfs().clientSettings());
  }

  @Bean
  ImageResolver imageResolver(ProcessorProperties properties, ObjectProvider<MongoClient> mongo) {
    MongoClient client = mongo.getIfAvailable();
    if (client == null) {
      return ImageResolver.inlineOnly();
    }
    ClaimCheckStore gridfs = new GridFsImageStore(client.getDatabase(properties.gridfs().database()),
        properties.maxImageBytes().toBytes());
    return new ImageResolver(Map.of(GridFsImageStore.STORE_NAME, gridfs));
  }

  /** Shipped schemas plus the schema topic, so requests from a newer ingest API are read, not dead-lettered. */
  @Bean(destroyMethod = "close")
  SchemaCatalog schemaCatalog(ProcessorProperties properties) {
    return SchemaCatalog.load(SchemaTopic.connect(SchemaTopic.DEFAULT_NAME,
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()),
        SCHEMA_TOPIC_TIMEOUT));
  }

  /** Interactive requests first on the model the two Kafka Streams instances share. */
  @Bean
  PriorityGate priorityGate(ProcessorProperties properties, MeterRegistry registry) {
    return new PriorityGate(properties.bulk().yieldLimit(), new BulkMetrics(registry)::yielded);
  }

  @Bean
  Topology diagnosisTopology(ProcessorProperties properties, ServedRelease release, ImageResolver images,
      MeterRegistry registry, SchemaCatalog schemas, PriorityGate gate) {
    return DiagnosisTopology.buildTopology(properties, release.classifier(), images, registry, schemas,
        gate::interactive);
  }

  @Bean
  StreamsLifecycle streamsLifecycle(@Qualifier("diagnosisTopology") Topology topology, ProcessorProperties properties,
      MeterRegistry registry, ConfigurableApplicationContext context) {
    return new StreamsLifecycle(topology, StreamsSettings.from(properties), registry, fatalExit(context));
  }

  /** Bulk job items: a topology and a Kafka Streams instance of their own (see ProcessorProperties.Bulk). */
  @Bean
  @ConditionalOnProperty(prefix = "plantspy.processor.bulk", name = "enabled", matchIfMissing = true)
  Topology bulkTopology(ProcessorProperties properties, ServedRelease release, ImageResolver images,
      MeterRegistry registry, SchemaCatalog schemas, PriorityGate gate) {
    return DiagnosisTopology.buildBulkTopology(properties, release.classifier(), images, registry, schemas,
        gate::bulk);
  }

  @Bean
  @ConditionalOnProperty(prefix = "plantspy.processor.bulk", name = "enabled", matchIfMissing = true)
  StreamsLifecycle bulkStreamsLifecycle(@Qualifier("bulkTopology") Topology topology, ProcessorProperties properties,
      MeterRegistry registry, ConfigurableApplicationContext context) {
    return new StreamsLifecycle(topology, StreamsSettings.forBulk(properties), registry, fatalExit(context));
  }

  /**
   * Exit non-zero once Kafka Streams has given up, so a supervisor (the launcher, Kubernetes) restarts or reports
   * it; from a new thread, because closing the context waits for the stream threads that raised it.
   */
  private static Runnable fatalExit(ConfigurableApplicationContext context) {
    return () -> new Thread(() -> System.exit(SpringApplication.exit(context, () -> FATAL_EXIT_CODE)),
        "plantspy-fatal-exit").start();
  }
}
