/**
 * The platform's APIs as the signed-in user calls them (ingest API, trainer service, feed gateway, webhooks
 * service): HTTP clients that relay the user's access token, the answers' shapes, and API errors turned into
 * readable messages. Depends on Spring Security's OAuth2 client only.
 */
package io.plantspy.web.api;
