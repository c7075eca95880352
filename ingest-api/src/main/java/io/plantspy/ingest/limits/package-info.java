/**
 * Bounds on what the API holds at once, so load cannot exhaust its heap: concurrency permits for uploads, URL
 * fetches and waiting callers (per caller and in total), and the Netty read and request timeouts that end
 * stalled connections. Uses {@code problem} for the 429/503 it answers; the {@code web} filters apply it.
 */
package io.plantspy.ingest.limits;
