/**
 * The Avro contracts between services (generated from {@code src/main/avro}), their single-object-encoding serdes
 * with the schema catalog of every shipped version, and the typed topic descriptors. Depends on Avro and the Kafka
 * client API only, so that every service can share it.
 */
package io.plantspy.schemas;
