package io.plantspy.trainerservice.runs;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code training_runs} collection. Status changes are conditional on the status before them. */
@Component
class RunStore {

  private final MongoTemplate mongo;

  RunStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void insert(TrainingRun run) {
    mongo.insert(run);
  }

  Optional<TrainingRun> find(String id) {
    return Optional.ofNullable(mongo.findById(id, TrainingRun.class));
  }

  Optional<TrainingRun> firstWithStatus(RunStatus status) {
    return Optional.ofNullable(mongo.findOne(Query.query(where("status").is(status))
        .with(Sort.by("queuedAt")), TrainingRun.class));
  }

  List<TrainingRun> withStatus(RunStatus status) {
    return mongo.find(Query.query(where("status").is(status)), TrainingRun.class);
  }

  /** The run started last (the one whose lab samples new samples are counted against), if any. */
  Optional<TrainingRun> lastStarted() {
    return Optional.ofNullable(mongo.findOne(Query.query(where("startedAt").ne(null))
        .with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(1), TrainingRun.class));
  }

  /** A page of runs, newest first. */
  /** A page of runs, newest first, without their sample lists (thousands of sha256s each; read one run for it). */
  List<TrainingRun> page(int page, int size) {
    Query newestFirst = new Query().with(Sort.by(Sort.Direction.DESC, "queuedAt")).skip((long) page * size)
        .limit(size);
    newestFirst.fields().exclude("labSampleSha256s");
    return mongo.find(newestFirst, TrainingRun.class);
  }

  long count() {
    return mongo.count(new Query(), TrainingRun.class);
  }

  /** QUEUED to RUNNING with what it trains on; false if it was not queued any more. */
  boolean start(String id, Instant at, long seed, List<String> sampleSha256s) {
    return mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(RunStatus.QUEUED)),
        new Update().set("status", RunStatus.RUNNING).set("startedAt", at).set("seed", seed)
            .set("labSampleCount", sampleSha256s.size()).set("labSampleSha256s", sampleSha256s)
            .set("progress", new TrainingRun.Progress("preparing", 0, "copying lab sample images")),
        TrainingRun.class).getModifiedCount() == 1;
  }

  void progress(String id, TrainingRun.Progress progress) {
    mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(RunStatus.RUNNING)),
        new Update().set("progress", progress), TrainingRun.class);
  }

  void succeed(String id, Instant at, RunResult result) {
    mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(RunStatus.RUNNING)),
        new Update().set("status", RunStatus.SUCCEEDED).set("finishedAt", at).set("outcome", result)
            .set("progress", new TrainingRun.Progress("done", 1, result.promoted()
                ? "challenger " + result.challengerReleaseId() + " promoted"
                : "challenger " + result.challengerReleaseId() + " kept as challenger")),
        TrainingRun.class);
  }

  /** Any unfinished run to FAILED with {@code reason}. */
  void fail(String id, Instant at, String reason) {
    mongo.updateFirst(Query.query(where("_id").is(id).and("status").in(RunStatus.QUEUED, RunStatus.RUNNING)),
        new Update().set("status", RunStatus.FAILED).set("finishedAt", at).set("failure", reason),
        TrainingRun.class);
  }
}
