/**
 * Authentication and authorisation: Keycloak JWT validation (issuer, signature, expiry, audience, subject) with a
 * token cache, realm roles mapped to authorities, CORS, and RFC 9457 answers for 401/403 and for an unreachable
 * realm (503). Uses {@code problem} and {@code jwt-roles} (role converter, audience check).
 */
package io.plantspy.ingest.security;
