/**
 * Following the served release: the announcement on the compacted releases topic, read by every instance with a
 * consumer of its own, and the swap to each newly announced release once it is fetched, checked and loaded.
 * Depends on {@code processor.inference}, {@code processor.config}, the model module's release store, the schemas
 * and the Kafka and MongoDB clients.
 */
package io.plantspy.processor.releases;
