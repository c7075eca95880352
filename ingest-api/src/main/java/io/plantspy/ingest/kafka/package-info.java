/**
 * The Kafka side: producer of {@code DiagnosisRequest} records, the result listener that stores results (retried
 * until stored, unreadable ones skipped) and wakes local waiters, result-partition ownership and the Kafka health
 * indicator. Uses {@code schemas}' topics and serdes, the {@code mongo} store and the {@code diagnosis} records.
 */
package io.plantspy.ingest.kafka;
