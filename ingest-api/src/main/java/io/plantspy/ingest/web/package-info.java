/**
 * HTTP endpoints (WebFlux controllers), request parsing ({@code multipart} image or JSON URL, {@code ?wait=},
 * {@code Idempotency-Key}), the request bounds applied before a body is read (declared and counted body size,
 * the {@code limits} permits) and the JSON views filtered by the caller's roles. Calls the {@code diagnosis},
 * {@code image}, {@code fetch} and {@code limits} features and reads {@code lab}'s body cap; errors leave as
 * {@code problem} JSON.
 */
package io.plantspy.ingest.web;
