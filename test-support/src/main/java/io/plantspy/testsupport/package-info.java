/**
 * Fixtures for the services' tests (test scope only): a stand-in Keycloak realm minting signed tokens, an
 * in-memory MongoDB, and a peer that accepts connections and never answers (a stalled realm, image host or store).
 * Depends on Nimbus JOSE, mongo-java-server and, optionally, the caller's MongoDB driver.
 */
package io.plantspy.testsupport;
