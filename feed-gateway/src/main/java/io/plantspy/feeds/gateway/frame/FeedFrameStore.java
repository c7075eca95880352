package io.plantspy.feeds.gateway.frame;

import com.mongodb.client.result.DeleteResult;
import io.plantspy.reactiveservice.TtlIndex;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code feed_frames} collection. */
@Component
public class FeedFrameStore {

  public static final String TTL_INDEX = "received_ttl";

  private final ReactiveMongoTemplate mongo;

  public FeedFrameStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Mono<FeedFrame> insert(FeedFrame frame) {
    return mongo.insert(frame);
  }

  public Mono<FeedFrame> find(String id) {
    return mongo.findById(id, FeedFrame.class);
  }

  /** Stores the answer; a redelivered result rewrites the same answer. */
  public Mono<Void> answer(String id, FrameDiagnosis diagnosis, Instant at) {
    return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
        new Update().set("diagnosis", diagnosis).set("diagnosedAt", at), FeedFrame.class).then();
  }

  /** A device's diagnosed frames received at or after {@code since}, oldest first. */
  public Flux<FeedFrame> diagnosedOf(String device, Instant since, int limit) {
    return mongo.find(Query.query(Criteria.where("device").is(device).and("diagnosis").ne(null)
        .and("receivedAt").gte(since)).with(Sort.by("receivedAt")).limit(limit), FeedFrame.class);
  }

  /** Geo-tagged diagnosed frames for the field map; {@code owner} null for all. */
  public Flux<FeedFrame> geoTagged(String owner, Instant since, double[] bbox, String predictedClass, int limit) {
    Criteria criteria = Criteria.where("diagnosis").ne(null).and("receivedAt").gte(since);
    // A range also excludes frames without a position, so each field takes one expression.
    criteria = bbox != null
        ? criteria.and("lon").gte(bbox[0]).lte(bbox[2]).and("lat").gte(bbox[1]).lte(bbox[3])
        : criteria.and("lon").ne(null).and("lat").ne(null);
    if (owner != null) {
      criteria = criteria.and("owner").is(owner);
    }
    if (predictedClass != null) {
      criteria = criteria.and("diagnosis.predictedClass").is(predictedClass);
    }
    return mongo.find(Query.query(criteria).with(Sort.by("receivedAt")).limit(limit), FeedFrame.class);
  }

  /** Deletes the frames received before {@code cutoff}; how many. */
  public Mono<Long> deleteReceivedBefore(Instant cutoff) {
    return mongo.remove(Query.query(Criteria.where("receivedAt").lt(cutoff)), FeedFrame.class)
        .map(DeleteResult::getDeletedCount);
  }

  /** Frames are deleted by MongoDB once received longer than {@code retention} ago. */
  public Mono<Void> ensureRetention(Duration retention) {
    return TtlIndex.ensure(mongo, FeedFrame.class, "receivedAt", TTL_INDEX, retention);
  }

  /** For a device's diagnoses and an owner's field map, both read in receipt order. */
  public Mono<Void> ensureIndexes() {
    var indexes = mongo.indexOps(FeedFrame.class);
    return indexes.createIndex(new Index().on("device", Sort.Direction.ASC).on("receivedAt", Sort.Direction.ASC))
        .then(indexes.createIndex(new Index().on("owner", Sort.Direction.ASC).on("receivedAt", Sort.Direction.ASC)))
        .then();
  }
}
