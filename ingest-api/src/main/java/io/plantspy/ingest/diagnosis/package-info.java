/**
 * The diagnosis feature: accepting a vetted submission (idempotency key, claim check, PENDING record, publish) and
 * waiting for its result; the result records and statuses the other packages share. Uses the {@code kafka} and
 * {@code mongo} adapters; knows nothing of HTTP.
 */
package io.plantspy.ingest.diagnosis;
