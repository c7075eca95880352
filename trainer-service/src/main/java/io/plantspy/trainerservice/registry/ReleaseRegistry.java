package io.plantspy.trainerservice.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code model_releases} collection and its alias moves. Each alias names at most one release; the moves are
 * several single-document writes (mongo-java-server has no transactions), ordered so that a failure half-way leaves
 * at most a stale {@code previous}, never two champions. Only the service's one instance writes here.
 */
@Component
public class ReleaseRegistry {

  private final MongoTemplate mongo;

  ReleaseRegistry(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public boolean isEmpty() {
    return mongo.count(new Query(), ReleaseRecord.class) == 0;
  }

  public void insert(ReleaseRecord release) {
    mongo.insert(release);
  }

  public Optional<ReleaseRecord> find(String id) {
    return Optional.ofNullable(mongo.findById(id, ReleaseRecord.class));
  }

  public Optional<ReleaseRecord> withAlias(String alias) {
    return Optional.ofNullable(mongo.findOne(Query.query(where("aliases").is(alias)), ReleaseRecord.class));
  }

  /** Every release, newest first. */
  public List<ReleaseRecord> all() {
    return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), ReleaseRecord.class);
  }

  /** Gives {@code id} the alias {@code challenger}, taking it from whichever release had it. */
  public void makeChallenger(String id) {
    take(Alias.CHALLENGER, id);
    mongo.updateFirst(Query.query(where("_id").is(id)), new Update().addToSet("aliases", Alias.CHALLENGER),
        ReleaseRecord.class);
  }

  /**
   * Makes {@code id} the champion: the champion before it becomes {@code previous} (and the release that was
   * {@code previous} loses the alias), and {@code id} stops being the challenger. Nothing moves when it is already
   * the champion.
   */
  public void makeChampion(String id) {
    Optional<ReleaseRecord> champion = withAlias(Alias.CHAMPION);
    if (champion.map(c -> c.id().equals(id)).orElse(false)) {
      return;
    }
    // The new champion first (two champions for a moment are resolved by the next write; none would be worse).
    mongo.updateFirst(Query.query(where("_id").is(id)), new Update().addToSet("aliases", Alias.CHAMPION),
        ReleaseRecord.class);
    mongo.updateFirst(Query.query(where("_id").is(id)), new Update().pull("aliases", Alias.CHALLENGER),
        ReleaseRecord.class);
    if (champion.isPresent()) {
      String old = champion.get().id();
      take(Alias.PREVIOUS, old);
      mongo.updateFirst(Query.query(where("_id").is(old)), new Update().pull("aliases", Alias.CHAMPION),
          ReleaseRecord.class);
      mongo.updateFirst(Query.query(where("_id").is(old)), new Update().addToSet("aliases", Alias.PREVIOUS),
          ReleaseRecord.class);
    }
  }

  /** Removes {@code alias} from every release but {@code keeper}. */
  private void take(String alias, String keeper) {
    mongo.updateMulti(Query.query(where("aliases").is(alias).and("_id").ne(keeper)),
        new Update().pull("aliases", alias), ReleaseRecord.class);
  }
}
