/**
 * The Avro contracts between services (generated from {@code src/main/avro}), their single-object-encoding serdes
 * with the schema catalog of every shipped version and the schema topic for newer ones, and the typed topic
 * descriptors. Depends on Avro, the Kafka client API and SLF4J only, so that every service can share it.
 */
package io.plantspy.schemas;
