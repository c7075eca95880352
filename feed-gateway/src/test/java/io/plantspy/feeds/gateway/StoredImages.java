package io.plantspy.feeds.gateway;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import java.io.ByteArrayOutputStream;
import org.bson.types.ObjectId;

/** Reads a claim-checked image back from GridFS as the stream processor would. */
final class StoredImages {

  private StoredImages() {}

  static byte[] read(String mongoUri, String id) {
    String database = mongoUri.substring(mongoUri.lastIndexOf('/') + 1);
    try (MongoClient client = MongoClients.create(mongoUri.substring(0, mongoUri.lastIndexOf('/')))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      GridFSBuckets.create(client.getDatabase(database), "images").downloadToStream(new ObjectId(id), out);
      return out.toByteArray();
    }
  }
}
