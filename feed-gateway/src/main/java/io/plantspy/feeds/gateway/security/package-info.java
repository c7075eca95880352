/** Bearer-token security with the realm's roles (via {@code jwt-roles}) and refusals as problem JSON. */
package io.plantspy.feeds.gateway.security;
