/**
 * HTTP endpoints (WebFlux controllers), request parsing ({@code multipart} image or JSON URL, {@code ?wait=},
 * {@code Idempotency-Key}), the upload size filter and the JSON views filtered by the caller's roles. Calls the
 * {@code diagnosis}, {@code image} and {@code fetch} features; errors leave as {@code problem} JSON.
 */
package io.plantspy.ingest.web;
