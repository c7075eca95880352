/**
 * Fetching a diagnosis image from a caller's URL without SSRF: the shared address policy ({@code io.plantspy.address}:
 * CIDR deny list, DNS vetting at connect time), size and time bounds. Uses Reactor Netty, the {@code image} limits
 * and {@code problem}.
 */
package io.plantspy.ingest.fetch;
