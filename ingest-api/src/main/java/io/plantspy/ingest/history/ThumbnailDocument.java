package io.plantspy.ingest.history;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The thumbnail of one diagnosis in the {@code thumbnails} collection, under the diagnosis id; kept as long as
 * diagnoses are, and read by its owner only.
 */
@Document(ThumbnailDocument.COLLECTION)
public record ThumbnailDocument(@Id String id, String owner, Instant createdAt, byte[] jpeg) {

  public static final String COLLECTION = "thumbnails";
}
