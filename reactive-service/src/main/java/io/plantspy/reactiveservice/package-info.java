/**
 * What the WebFlux services on reactive MongoDB share: the service clock and MongoDB's health by ping (beans each
 * application imports), retention as a TTL index. Depends on Spring Boot (conditions, health contributors), Spring
 * Data MongoDB and Reactor only.
 */
package io.plantspy.reactiveservice;
