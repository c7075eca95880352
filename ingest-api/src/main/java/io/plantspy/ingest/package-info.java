/**
 * The ingest API application: the reactive HTTP front door of PlantSpy. Its feature packages below are wired by Spring
 * component scanning; {@code @ConfigurationProperties} records are found by {@code @ConfigurationPropertiesScan}.
 */
package io.plantspy.ingest;
