/**
 * The release registry: collection {@code model_releases} (one document per release: labels, metrics, its archive
 * in GridFS {@code releases} with sha256, the run and decision that made it, its aliases {@code champion},
 * {@code challenger}, {@code previous}), the first champion registered from {@code models/CURRENT}, alias moves on
 * promotion and the {@code ModelRelease} announcement the stream processors follow, and the admin endpoints on
 * releases. Depends on {@code model.store}, the schemas module, Spring Data MongoDB, {@code problem}.
 */
package io.plantspy.trainerservice.registry;
