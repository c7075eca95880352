/**
 * The real Keycloak server (from the keycloak-quarkus-dist the build unpacks) with the committed {@code plantspy}
 * realm, and the few admin REST calls the launcher and tests need. Depends on the JDK, Jackson and SLF4J only.
 */
package io.plantspy.infra.keycloak;
