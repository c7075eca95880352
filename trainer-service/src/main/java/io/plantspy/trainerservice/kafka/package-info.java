/**
 * The Kafka side shared by the features: the schema catalog (shipped schemas plus {@code plantspy.schemas}) and the
 * typed topics with their serdes. Depends on the schemas module and Spring's Kafka properties.
 */
package io.plantspy.trainerservice.kafka;
