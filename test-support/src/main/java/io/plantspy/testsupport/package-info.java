/**
 * Fixtures for the services' tests (test scope only): a stand-in Keycloak realm minting signed tokens, an
 * in-memory MongoDB, a peer that accepts connections and never answers (a stalled realm, image host or store), and
 * the skip (or failure) of a test without the PlantVillage photos; the metric names each service is committed to
 * export (infra/observability/metrics).
 * Depends on Nimbus JOSE, mongo-java-server, JUnit and, optionally, the caller's MongoDB driver.
 */
package io.plantspy.testsupport;
