package io.plantspy.trainer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.store.GridFsReleaseStore;
import io.plantspy.model.store.ReleaseAnnouncements;
import io.plantspy.model.store.ReleasePublisher;
import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.Topic;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trainer releases publish DIR}: stores a release folder in the platform's GridFS bucket {@code releases} and
 * announces it under an alias ({@code champion}: every stream processor swaps to it). Until the trainer service
 * promotes releases itself, this is how a release reaches a running platform.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Store a release folder in GridFS and announce it; processors serve the champion.")
final class PublishReleaseCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "The release folder (release.json, head.onnx, ...).")
  Path release;

  @Option(names = "--alias", defaultValue = ReleaseAnnouncements.CHAMPION,
      description = "Announce it under this alias (default: ${DEFAULT-VALUE}, the one processors serve).")
  String alias;

  @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:${env:PLANTSPY_KAFKA_PORT:-9092}",
      description = "Kafka brokers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(names = "--mongo-uri", defaultValue = "mongodb://127.0.0.1:${env:PLANTSPY_MONGO_PORT:-27017}",
      description = "MongoDB holding the GridFS bucket (default: ${DEFAULT-VALUE}).")
  String mongoUri;

  @Option(names = "--database", defaultValue = "plantspy", description = "MongoDB database (default: ${DEFAULT-VALUE}).")
  String database;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ReleaseFiles.readManifest(release); // not a release folder: one line and exit 1, before connecting anywhere
    Map<String, Object> connection = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // Like every writer of an Avro topic, it publishes its schema to the schema topic before its first record.
    try (SchemaCatalog schemas = SchemaCatalog.load(SchemaTopic.connect(SchemaTopic.DEFAULT_NAME, connection,
            Duration.ofSeconds(10)));
        MongoClient mongo = MongoClients.create(mongoUri)) {
      Topic<String, ModelRelease> topic = Topics.from(TopicNames.defaults(), schemas).modelReleases();
      // A platform that is not up fails the command within seconds instead of Kafka's default two minutes.
      Map<String, Object> kafka = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
      try (KafkaProducer<String, ModelRelease> producer = new KafkaProducer<>(kafka,
          topic.keySerde().serializer(), topic.valueSerde().serializer())) {
        ModelRelease published = new ReleasePublisher(
            new GridFsReleaseStore(mongo.getDatabase(database), GridFsReleaseStore.DEFAULT_BUCKET), producer,
            topic.name(), Clock.systemUTC()).publish(release, alias);
        spec.commandLine().getOut().printf("published release %s as %s: %s%n", published.getId(), alias,
            published.getLocation());
      }
    }
    return 0;
  }
}
