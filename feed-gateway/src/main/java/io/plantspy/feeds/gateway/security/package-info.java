/**
 * The service's realm roles and its security chain, built by {@code jwt-roles} ({@code ReactiveBearerSecurity},
 * {@code RealmSecurityProperties}).
 */
package io.plantspy.feeds.gateway.security;
