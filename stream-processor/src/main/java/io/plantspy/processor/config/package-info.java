/**
 * The processor's validated configuration properties and the Kafka Streams settings derived from them. Depends on
 * Spring Boot's binding, Kafka Streams configuration the schemas' topic names and the
 * release store's alias.
 */
package io.plantspy.processor.config;
