/**
 * The diagnosis feature: accepting a vetted submission (idempotency key, claim check, publish, then the PENDING
 * record, after the wait for a waiting request without a key), waiting for its result, and finishing diagnoses pending
 * past their deadline; the result records and statuses the other packages share. Uses the {@code kafka} and {@code
 * mongo} adapters; knows nothing of HTTP.
 */
package io.plantspy.ingest.diagnosis;
