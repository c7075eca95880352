/**
 * The MongoDB side shared by the features: the sync database handle GridFS needs and a health check by
 * {@code ping} (mongo-java-server lacks {@code hello}). Depends on Spring Data MongoDB.
 */
package io.plantspy.trainerservice.mongo;
