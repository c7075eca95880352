/**
 * The published OpenAPI contract (springdoc): document info, the Keycloak OAuth2 scheme Swagger UI signs in
 * with, and problem-JSON bodies for every error answer. Reads {@code security}'s properties; nothing depends on it.
 */
package io.plantspy.ingest.apidocs;
