/**
 * How the services read a Keycloak access token once its signature is checked: realm roles to {@code ROLE_*}
 * authorities and the audience check. Depends on Spring Security's OAuth2 resource-server and JOSE classes only.
 */
package io.plantspy.jwtroles;
