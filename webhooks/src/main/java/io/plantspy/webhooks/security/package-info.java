/**
 * Bearer-token security like the ingest API's: Keycloak JWTs checked for signature, expiry, issuer and audience,
 * realm roles as authorities, 401/403 written as problem JSON. Depends on Spring Security and {@code jwt-roles}
 * (role converter, audience check).
 */
package io.plantspy.webhooks.security;
