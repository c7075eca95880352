/**
 * The Lab page (role {@code lab}): labelled photos uploaded for training, per-class counts, the user's samples and
 * their withdrawal, and the training runs with live progress. Depends on {@code api}.
 */
package io.plantspy.web.lab;
