/**
 * The Diagnose page: photos (uploaded, dropped or by URL) sent to the ingest API as the signed-in user, and their
 * answers shown as they arrive. Depends on {@code api}.
 */
package io.plantspy.web.diagnose;
