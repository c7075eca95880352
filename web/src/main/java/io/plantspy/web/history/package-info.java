/**
 * The History page: the signed-in user's diagnoses with thumbnails, filtered and paged, and one diagnosis in
 * detail. Reads everything through {@code api}'s {@code DiagnosisApi} as the user.
 */
package io.plantspy.web.history;
