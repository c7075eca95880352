package io.plantspy.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.UniqueIndexes;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The lab store's per-sample writes fit a unique index of exactly their fields (what the embedded MongoDB uses). */
class LabSampleStoreIndexesTest {

  @Test
  void eachSamplesStatusChangeHasAUniqueIndexOfExactlyItsFields() {
    ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("lab-indexes");
    new LabSampleStore(mongo).createIndexes();

    assertThat(UniqueIndexes.of(mongo, mongo.getCollectionName(LabSampleDocument.class))).contains(
        LabSampleStore.inStatus("id", LabSampleDocument.Status.PENDING).getQueryObject().keySet());
  }
}
