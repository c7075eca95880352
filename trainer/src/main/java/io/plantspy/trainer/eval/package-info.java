/**
 * Scoring heads and releases on a split and the reports written from it (metrics, per class, confusion matrix).
 * Depends on {@code trainer.data}, {@code trainer.embed}, the model module and commons-csv; not on Tribuo.
 */
package io.plantspy.trainer.eval;
