/**
 * The stream processor's Spring Boot application: wiring of the feature packages below and the Kafka Streams
 * lifecycle. The only package that knows Spring beans beyond configuration properties.
 */
package io.plantspy.processor;
