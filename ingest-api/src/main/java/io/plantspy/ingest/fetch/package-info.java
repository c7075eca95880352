/**
 * Fetching a diagnosis image from a caller's URL without SSRF: address policy (CIDR deny list, DNS vetting at
 * connect time), size and time bounds. Uses Reactor Netty, the {@code image} limits and {@code problem}.
 */
package io.plantspy.ingest.fetch;
