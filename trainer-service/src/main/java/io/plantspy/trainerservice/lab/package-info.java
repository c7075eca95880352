/**
 * The live lab samples: the compacted {@code plantspy.lab-samples} read from its beginning at every start
 * (tombstones remove a sample, undecodable records are logged and skipped), and the local copies of their images
 * from GridFS {@code lab_images}, keyed by sha256, made when a run needs them. Depends on the schemas module, the
 * MongoDB driver and the trainer's {@code loop} records.
 */
package io.plantspy.trainerservice.lab;
