/**
 * The Kafka side: producer of {@code DiagnosisRequest} records, the result listener that stores results (retried
 * until stored, unreadable ones skipped) and wakes local waiters, result-partition ownership and the Kafka health
 * indicator, and the trace id a result record carries. Uses {@code schemas}' topics and serdes, the {@code mongo}
 * store, the {@code diagnosis} records and OpenTelemetry's W3C trace-context parser.
 */
package io.plantspy.ingest.kafka;
