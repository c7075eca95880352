/**
 * The processor's Micrometer meters (requests, batches, errors, latencies). Depends on Micrometer and the schemas'
 * error codes only.
 */
package io.plantspy.processor.metrics;
