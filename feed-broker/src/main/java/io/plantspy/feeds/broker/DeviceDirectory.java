package io.plantspy.feeds.broker;

import io.plantspy.feeds.devices.DeviceFields;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The devices collection the gateway writes, read on each connect (no cache: connects are rare next to messages, and a
 * revoked device must not get back in) and by the revocation sweep.
 */
@Component
public class DeviceDirectory {

  private final MongoTemplate mongo;

  public DeviceDirectory(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<DeviceAccount> find(String deviceId) {
    Document doc = mongo.findOne(Query.query(Criteria.where(DeviceFields.ID).is(deviceId)), Document.class,
        DeviceFields.COLLECTION);
    if (doc == null) {
      return Optional.empty();
    }
    return Optional.of(new DeviceAccount(deviceId, doc.getString(DeviceFields.FARM),
        doc.getString(DeviceFields.SECRET_HASH)));
  }

  /** Which of {@code deviceIds} are still registered. */
  public Set<String> stillRegistered(Collection<String> deviceIds) {
    Query query = Query.query(Criteria.where(DeviceFields.ID).in(deviceIds));
    query.fields().include(DeviceFields.ID);
    Set<String> found = new HashSet<>();
    mongo.find(query, Document.class, DeviceFields.COLLECTION).forEach(d -> found.add(d.getString(DeviceFields.ID)));
    return found;
  }
}
