/**
 * The published OpenAPI contract: document info, the Keycloak OAuth2 scheme Swagger UI signs in with, and the
 * problem-JSON error responses. Reads {@code security}'s properties and {@code problem}'s media type; nothing
 * depends on it.
 */
package io.plantspy.ingest.apidocs;
