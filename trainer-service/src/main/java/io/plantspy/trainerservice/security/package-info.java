/**
 * Bearer-token security: Keycloak JWTs checked for signature, expiry, issuer and audience, realm roles
 * ({@code realm_access.roles}) as authorities, 401/403 written as problem JSON. Depends on Spring Security,
 * {@code jwt-roles} (role converter, audience check) and {@code problem}.
 */
package io.plantspy.trainerservice.security;
