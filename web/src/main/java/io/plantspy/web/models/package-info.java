/**
 * The Models pages (roles {@code lab} and {@code admin}): the registry's releases with their metrics and aliases, a
 * training run's champion/challenger comparison and decision, and for {@code admin} promotion and rollback.
 * Depends on {@code api}.
 */
package io.plantspy.web.models;
