/**
 * Beans the WebFlux services on reactive MongoDB declare alike, imported by each application class: the service
 * clock and MongoDB's health by ping. Depends on Spring Boot (conditions, health contributors), Spring Data MongoDB
 * and Reactor only.
 */
package io.plantspy.reactiveservice;
