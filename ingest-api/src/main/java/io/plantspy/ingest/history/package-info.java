/**
 * The caller's own history: the list of their diagnoses (filtered, paged, newest first), the small JPEG thumbnail
 * kept for each interactive diagnosis, and per-day statistics. Reads the {@code diagnoses} collection through
 * {@code mongo}'s documents and shows answers through {@code web}'s role-filtered view.
 */
package io.plantspy.ingest.history;
