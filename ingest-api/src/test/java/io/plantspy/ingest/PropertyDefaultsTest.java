package io.plantspy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.diagnosis.DiagnosisProperties;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.fetch.FetchProperties;
import io.plantspy.ingest.history.HistoryProperties;
import io.plantspy.ingest.history.ThumbnailProperties;
import io.plantspy.ingest.image.ImageProperties;
import io.plantspy.ingest.kafka.KafkaTopicProperties;
import io.plantspy.ingest.kafka.ResultRetryProperties;
import io.plantspy.ingest.lab.LabProperties;
import io.plantspy.ingest.limits.LimitProperties;
import io.plantspy.ingest.mongo.MongoTimeoutProperties;
import io.plantspy.ingest.mongo.RetentionProperties;
import io.plantspy.ingest.problem.RetryAfterProperties;
import io.plantspy.ingest.security.CorsProperties;
import io.plantspy.ingest.security.SecurityProperties;
import io.plantspy.model.image.ImageLimits;
import io.plantspy.schemas.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Pins what each property record binds to when nothing is configured, so a default that moves or goes missing
 * (application.yaml sets only what differs from these) is noticed.
 */
class PropertyDefaultsTest {

  @Test
  void validatedTokensAreCachedByDefault() {
    SecurityProperties security = TestProperties.bind(SecurityProperties.class, Map.of("issuer-uri", "https://kc"));
    assertThat(security.tokenCache().maxSize()).isEqualTo(10_000);
    assertThat(security.tokenCache().ttl()).isEqualTo(Duration.ofMinutes(1));
    assertThat(security.audience()).isEqualTo("plantspy-api");
    assertThat(security.keysTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void loadIsBoundedForTheLaunchersHeapByDefault() {
    LimitProperties limits = TestProperties.defaults(LimitProperties.class);
    assertThat(limits.uploadBytes()).isEqualTo(DataSize.ofMegabytes(160));
    assertThat(limits.uploadBytesPerCaller()).isEqualTo(DataSize.ofMegabytes(64));
    assertThat(limits.fetches()).isEqualTo(8);
    assertThat(limits.fetchesPerCaller()).isEqualTo(2);
    assertThat(limits.waiters()).isEqualTo(2000);
    assertThat(limits.waitersPerCaller()).isEqualTo(200);
    assertThat(limits.readTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(limits.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
    RetryAfterProperties retryAfter = TestProperties.defaults(RetryAfterProperties.class);
    assertThat(retryAfter.unavailable()).isEqualTo(Duration.ofSeconds(5));
    assertThat(retryAfter.busy()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void labUploadsFitTheCallersUploadBudgetByDefault() {
    LabProperties lab = TestProperties.defaults(LabProperties.class);
    assertThat(lab.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(64));
    assertThat(lab.maxRequestSize()).isLessThanOrEqualTo(
        TestProperties.defaults(LimitProperties.class).uploadBytesPerCaller());
    assertThat(lab.notesMaxLength()).isEqualTo(2000);
    assertThat(lab.maxPageSize()).isEqualTo(100);
    assertThat(lab.claimLease()).isEqualTo(Duration.ofMinutes(1));
    assertThat(lab.modelsDir()).isEqualTo(Path.of("models"));
    assertThat(lab.baseDataset()).isEqualTo(Path.of("../shared/datasets/plantvillage"));
  }

  @Test
  void noBrowserOriginIsAllowedByDefault() {
    assertThat(TestProperties.defaults(CorsProperties.class).allowedOrigins()).isEmpty();
  }

  @Test
  void waitsAreCappedAndPolledByDefault() {
    WaitProperties wait = TestProperties.defaults(WaitProperties.class);
    assertThat(wait.max()).isEqualTo(Duration.ofSeconds(30));
    assertThat(wait.pollInitial()).isEqualTo(Duration.ofMillis(50));
    assertThat(wait.pollMax()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void fetchesAreBoundedAndNoPrivateAddressIsAllowedByDefault() {
    FetchProperties fetch = TestProperties.defaults(FetchProperties.class);
    assertThat(fetch.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(fetch.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(fetch.totalTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(fetch.maxRedirects()).isEqualTo(3);
    assertThat(fetch.allowedAddresses()).isEmpty();
  }

  @Test
  void imageCapsAreTheModelsAndSmallImagesTravelInline() {
    ImageProperties images = TestProperties.defaults(ImageProperties.class);
    assertThat(images.limits()).isEqualTo(ImageLimits.defaults());
    assertThat(images.inlineMaxSize()).isEqualTo(DataSize.ofKilobytes(256));
  }

  @Test
  void topicsAreTheSchemasOnesAndEveryInstanceSharesOneResultsGroup() {
    KafkaTopicProperties kafka = TestProperties.defaults(KafkaTopicProperties.class);
    assertThat(kafka.topicNames()).isEqualTo(TopicNames.defaults());
    assertThat(kafka.resultsGroup()).isEqualTo("plantspy-ingest-api");
  }

  @Test
  void retentionAndMongoTimeoutsHaveDefaults() {
    RetentionProperties retention = TestProperties.defaults(RetentionProperties.class);
    assertThat(retention.idempotencyKeys()).isEqualTo(Duration.ofHours(24));
    assertThat(retention.images()).isEqualTo(Duration.ofDays(7));
    assertThat(retention.diagnoses()).isEqualTo(Duration.ofDays(90));
    assertThat(retention.sweepInterval()).isEqualTo(Duration.ofMinutes(10));
    MongoTimeoutProperties mongo = TestProperties.defaults(MongoTimeoutProperties.class);
    assertThat(mongo.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(mongo.serverSelectionTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void pendingDiagnosesTimeOutAfterAQuarterHourAndResultStoresAreRetriedUpToEveryHalfMinute() {
    DiagnosisProperties diagnoses = TestProperties.defaults(DiagnosisProperties.class);
    assertThat(diagnoses.pendingDeadline()).isEqualTo(Duration.ofMinutes(15));
    assertThat(diagnoses.reconcileInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(diagnoses.claimLease()).isEqualTo(Duration.ofMinutes(1));
    ResultRetryProperties retry = TestProperties.defaults(ResultRetryProperties.class);
    assertThat(retry.initialInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(retry.maxInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void historyPagesAndThumbnailsAreSmallByDefault() {
    HistoryProperties history = TestProperties.defaults(HistoryProperties.class);
    assertThat(history.maxPageSize()).isEqualTo(100);
    assertThat(history.maxStatsDays()).isEqualTo(366);
    ThumbnailProperties thumbnails = TestProperties.defaults(ThumbnailProperties.class);
    assertThat(thumbnails.enabled()).isTrue();
    assertThat(thumbnails.maxSide()).isEqualTo(160);
    assertThat(thumbnails.quality()).isEqualTo(0.75f);
  }
}
