/**
 * Which network addresses a service may connect to on a caller's behalf (SSRF guard): the deny list of
 * non-public ranges, an explicit CIDR allowlist, a Netty resolver that vets the very addresses a connection uses,
 * and the rules for a URL events are pushed to ({@code WebhookUrls}). Shared by the ingest API (URL fetch,
 * callback URLs) and the webhook deliveries; depends on Netty's resolver only.
 */
package io.plantspy.address;
