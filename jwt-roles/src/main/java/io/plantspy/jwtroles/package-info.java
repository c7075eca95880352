/**
 * How the services check and read a Keycloak access token: the decoders (keys from the realm, fetched lazily; an
 * unreachable realm reported as a service failure, not a bad token), the claim checks (audience, issuer, subject),
 * realm roles to {@code ROLE_*} authorities; a WebFlux service's security refusals as problem JSON. Depends on
 * Spring Security's OAuth2 resource-server and JOSE classes, spring-web's client for key fetches and, for the
 * reactive parts only, Reactor, Spring Security's WebFlux handler types and Jackson (optional dependencies).
 */
package io.plantspy.jwtroles;
