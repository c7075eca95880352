/**
 * Fixtures for the services' tests (test scope only): a stand-in Keycloak realm minting signed tokens, and an
 * in-memory MongoDB. Depends on Nimbus JOSE, mongo-java-server and, optionally, the caller's MongoDB driver.
 */
package io.plantspy.testsupport;
