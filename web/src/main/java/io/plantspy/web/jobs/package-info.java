/**
 * The Jobs page: a folder of photos or a zip submitted as one bulk job (streamed to the ingest API as a zip), the
 * user's jobs with live progress, cancel, and the results as CSV streamed through. Calls {@code api}'s
 * {@code JobApi} as the user.
 */
package io.plantspy.web.jobs;
