/**
 * Sign-in through Keycloak ({@code oauth2Login}, authorization code + PKCE), realm roles as authorities, RP-initiated
 * logout, CSRF and the Content-Security-Policy. Depends on nothing else of the app.
 */
package io.plantspy.web.security;
