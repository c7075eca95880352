/** Shared plumbing without a feature of its own: the clock. Depends on Spring only. */
package io.plantspy.trainerservice.config;
