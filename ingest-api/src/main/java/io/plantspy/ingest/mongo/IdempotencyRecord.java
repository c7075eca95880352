package io.plantspy.ingest.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A claimed {@code Idempotency-Key}: which owner used it, for which body, and which diagnosis it produced.
 * A unique index on (owner, key) makes the claim atomic across instances.
 */
@Document("idempotency_keys")
public record IdempotencyRecord(
    @Id String id, String owner, String key, String bodyHash, String diagnosisId, Instant createdAt) {}
