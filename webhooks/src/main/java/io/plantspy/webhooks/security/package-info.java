/**
 * The service's realm roles and its security chain, built by {@code jwt-roles} ({@code ReactiveBearerSecurity},
 * {@code RealmSecurityProperties}): Keycloak JWTs checked for signature, expiry, issuer and audience, 401/403/503
 * as problem JSON.
 */
package io.plantspy.webhooks.security;
