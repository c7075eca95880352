package io.plantspy.ingest.history;

import io.plantspy.ingest.mongo.DiagnosisDocument;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a caller's diagnoses, newest first, a page at a time, and which of them have a thumbnail. */
@Component
public class HistoryStore {

  private final ReactiveMongoTemplate mongo;

  public HistoryStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndex() {
    // Serves the list: equality on owner, range and sort on createdAt; the class and source filters are checked on
    // the documents this index yields (a caller's own, in a window), so they need no index of their own.
    mongo.indexOps(DiagnosisDocument.class)
        .createIndex(new Index().on("owner", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
            .named("owner_created"))
        .block(Duration.ofSeconds(30));
  }

  /** One page of the owner's diagnoses matching {@code filter}, newest first. */
  public Flux<DiagnosisDocument> page(String owner, HistoryFilter filter, int page, int size) {
    Query query = query(owner, filter)
        .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
        .skip((long) page * size)
        .limit(size);
    return mongo.find(query, DiagnosisDocument.class);
  }

  /** How many of the owner's diagnoses match {@code filter}. */
  public Mono<Long> count(String owner, HistoryFilter filter) {
    return mongo.count(query(owner, filter), DiagnosisDocument.class);
  }

  /** Which of {@code ids} have a thumbnail (of this owner's). */
  public Mono<Set<String>> withThumbnail(String owner, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Set.of());
    }
    // By id alone, the owner checked here: the embedded MongoDB server answers {_id: {$in}} from the _id index, but
    // would read every thumbnail (a JPEG each) for {_id: {$in}, owner}.
    Query query = Query.query(Criteria.where("_id").in(ids));
    query.fields().include("_id", "owner");
    return mongo.find(query, org.bson.Document.class, ThumbnailDocument.COLLECTION)
        .filter(doc -> owner.equals(doc.getString("owner")))
        .map(doc -> doc.getString("_id"))
        .collect(Collectors.toUnmodifiableSet());
  }

  static Query query(String owner, HistoryFilter filter) {
    Criteria criteria = Criteria.where("owner").is(owner);
    if (filter.from() != null || filter.to() != null) {
      Criteria created = criteria.and("createdAt");
      if (filter.from() != null) {
        created.gte(filter.from());
      }
      if (filter.to() != null) {
        created.lt(filter.to());
      }
    }
    // A diagnosis the API accepted itself has its source; one without was created from a result alone: a bulk job
    // item (read through its job) or a feed frame (through its device), both of which the result listener stores too.
    criteria.and("source").in(filter.source() != null ? List.of(filter.source().name()) : HistoryFilter.LISTED);
    if (filter.crop() != null) {
      criteria.and("result.category.label").is(filter.crop());
    }
    if (filter.predictedClass() != null) {
      criteria.and("result.predictedClass").is(filter.predictedClass());
    }
    return Query.query(criteria);
  }
}
