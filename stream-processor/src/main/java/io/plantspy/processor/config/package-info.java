/**
 * The processor's validated configuration properties and the Kafka Streams settings derived from them. Depends on
 * Spring Boot's binding, Kafka Streams configuration and the schemas' topic names.
 */
package io.plantspy.processor.config;
