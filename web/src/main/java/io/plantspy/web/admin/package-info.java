/**
 * The Admin users page (role {@code admin}): the realm's users through {@code keycloak-admin-client}, acting as the
 * realm's service-account client {@code plantspy-web-admin}. Depends on {@code security} for the realm's address.
 */
package io.plantspy.web.admin;
