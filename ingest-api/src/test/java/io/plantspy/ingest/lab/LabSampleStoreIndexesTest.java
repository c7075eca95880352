package io.plantspy.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The lab store's per-sample writes fit a unique index of exactly their fields (what the embedded MongoDB uses). */
class LabSampleStoreIndexesTest {

  @Test
  void eachSamplesStatusChangeHasAUniqueIndexOfExactlyItsFields() {
    ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("lab-indexes");
    new LabSampleStore(mongo).createIndexes();

    List<Set<String>> indexed = mongo.indexOps(LabSampleDocument.class).getIndexInfo()
        .filter(info -> info.isUnique())
        .map(info -> info.getIndexFields().stream().map(f -> f.getKey()).collect(Collectors.toSet()))
        .collectList().block(Duration.ofSeconds(10));

    assertThat(indexed).contains(
        LabSampleStore.inStatus("id", LabSampleDocument.Status.PENDING).getQueryObject().keySet());
  }
}
