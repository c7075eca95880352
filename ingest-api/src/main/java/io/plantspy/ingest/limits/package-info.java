/**
 * Bounds on what the API holds at once, so load cannot exhaust its heap: budgets for upload bytes, URL fetches and
 * waiting callers (per caller and in total), and the Netty read and request timeouts that end stalled requests.
 * Depends on {@code config} only; the {@code web} filters apply it and answer 429/503 through {@code problem}.
 */
package io.plantspy.ingest.limits;
