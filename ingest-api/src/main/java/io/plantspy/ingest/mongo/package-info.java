/**
 * The MongoDB side: the {@code diagnoses} and {@code idempotency_keys} collections, GridFS claim-check images,
 * the client's transport and bounded timeouts, the health indicator and the retention sweep (which also sweeps
 * {@code history}'s thumbnails). Uses the
 * {@code diagnosis} records, and {@code kafka}'s partition ownership to decide whether a waiter must poll for a
 * result another instance consumes.
 */
package io.plantspy.ingest.mongo;
