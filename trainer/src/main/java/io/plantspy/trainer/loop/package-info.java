/**
 * One run of the learning loop, without Spring: the training set (base dataset plus the lab samples on the
 * retraining topic), a challenger trained on it, champion and challenger scored on the same evaluation images,
 * and the promotion decision with its reasons. The trainer service drives it; depends on the other trainer
 * packages, the model module, commons-math3 (McNemar's tests, over all photos and per class) and Jackson (the
 * run's JSON reports).
 */
package io.plantspy.trainer.loop;
