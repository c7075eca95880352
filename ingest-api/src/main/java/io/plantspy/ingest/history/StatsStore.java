package io.plantspy.ingest.history;

import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Aggregations over the {@code diagnoses} collection for the dashboards: a caller's diagnoses per day, healthy and
 * sick per crop, most frequent disease classes; and, for the platform, diagnoses completed per minute. Plain
 * pipelines of {@code $match}, {@code $group} (with {@code $sum}, {@code $cond}, {@code $dateToString}),
 * {@code $sort} and {@code $limit}, which the embedded mongo-java-server runs as MongoDB does (HistoryApiTest and
 * StatsApiTest run them there). The caller's ones start with the {@code owner_created} index's fields.
 */
@Component
public class StatsStore {

  /** The bulk job items' collection (JobItemDocument.COLLECTION, private to the job feature). */
  static final String JOB_ITEMS = "job_items";

  private final ReactiveMongoTemplate mongo;

  public StatsStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** A key and how many documents share it, with how many of them are healthy (crops only). */
  public record Count(String key, long count, long healthy) {}

  /** The owner's diagnoses created since {@code since}, per UTC day ({@code yyyy-MM-dd}), oldest first. */
  public Flux<Count> perDay(String owner, Instant since) {
    return aggregate(List.of(
        new Document("$match", owned(owner, since)),
        new Document("$group", new Document("_id", day("$createdAt", "%Y-%m-%d")).append("count", one())),
        new Document("$sort", new Document("_id", 1))));
  }

  /** The owner's answered diagnoses since {@code since} per crop, with how many were healthy, most first. */
  public Flux<Count> perCrop(String owner, Instant since) {
    Document answered = owned(owner, since).append("status", DiagnosisStatus.DONE.name())
        .append("result.category.label", new Document("$ne", null));
    Document healthy = new Document("$cond",
        List.of(new Document("$eq", List.of("$result.health.label", "healthy")), 1, 0));
    return aggregate(List.of(
        new Document("$match", answered),
        new Document("$group", new Document("_id", "$result.category.label").append("count", one())
            .append("healthy", new Document("$sum", healthy))),
        new Document("$sort", new Document("count", -1).append("_id", 1))));
  }

  /** The owner's {@code limit} most frequent disease classes since {@code since} (healthy leaves left out). */
  public Flux<Count> topDiseases(String owner, Instant since, int limit) {
    Document sick = owned(owner, since).append("status", DiagnosisStatus.DONE.name())
        .append("result.disease.label", new Document("$ne", null));
    return aggregate(List.of(
        new Document("$match", sick),
        new Document("$group", new Document("_id", "$result.predictedClass").append("count", one())),
        new Document("$sort", new Document("count", -1).append("_id", 1)),
        new Document("$limit", limit)));
  }

  /**
   * Everyone's diagnoses completed since {@code since}, per UTC minute ({@code yyyy-MM-ddTHH:mm}), oldest first:
   * interactive ones, or with {@code bulk} the items of bulk jobs ({@code job_items}, JobItemDocument). Neither
   * collection has an index on the completion time (it would cost every stored result a write, the bulk path
   * included), so this reads the collection: it serves the admin's dashboard, asked for on demand.
   */
  public Flux<Count> completedPerMinute(Instant since, boolean bulk) {
    return aggregate(bulk ? JOB_ITEMS : DiagnosisDocument.COLLECTION, List.of(
        new Document("$match", new Document("result.completedAt", new Document("$gte", Date.from(since)))),
        new Document("$group", new Document("_id", day("$result.completedAt", "%Y-%m-%dT%H:%M"))
            .append("count", one())),
        new Document("$sort", new Document("_id", 1))));
  }

  private Flux<Count> aggregate(List<Document> pipeline) {
    return aggregate(DiagnosisDocument.COLLECTION, pipeline);
  }

  private Flux<Count> aggregate(String collection, List<Document> pipeline) {
    return mongo.getCollection(collection)
        .flatMapMany(c -> c.aggregate(pipeline))
        .map(d -> new Count(String.valueOf(d.get("_id")), number(d, "count"), number(d, "healthy")));
  }

  private static long number(Document d, String field) {
    Object value = d.get(field);
    return value instanceof Number n ? n.longValue() : 0;
  }

  private static Document owned(String owner, Instant since) {
    return new Document("owner", owner).append("createdAt", new Document("$gte", Date.from(since)));
  }

  private static Document day(String field, String format) {
    return new Document("$dateToString", new Document("format", format).append("date", field));
  }

  private static Document one() {
    return new Document("$sum", 1);
  }
}
