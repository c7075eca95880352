/**
 * Which network addresses a service may connect to on a caller's behalf (SSRF guard): the deny list of
 * non-public ranges, an explicit CIDR allowlist, and a Netty resolver that vets the very addresses a connection
 * uses. Shared by the ingest API's URL fetch and the webhook deliveries; depends on Netty's resolver only.
 */
package io.plantspy.address;
