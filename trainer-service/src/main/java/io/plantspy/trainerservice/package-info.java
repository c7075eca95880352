/**
 * The trainer service's entry point. Features live in sub-packages: {@code lab} (the live lab samples),
 * {@code runs} (training runs and their triggers), {@code registry} (releases, aliases, announcements); the
 * others ({@code security}, {@code problem}, {@code kafka}, {@code mongo}, {@code config}) are plumbing they share.
 */
package io.plantspy.trainerservice;
