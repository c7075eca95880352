/**
 * Authentication and authorisation: Keycloak JWT validation (issuer, signature, expiry, audience) with a
 * token cache, realm roles mapped to authorities, CORS, and RFC 9457 answers for 401/403.
 */
package io.plantspy.ingest.security;
