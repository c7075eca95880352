/**
 * The release store: a release folder packed as one zip archive, kept in a GridFS bucket with its sha256, and the
 * {@code ModelRelease} announcement that tells every stream processor which release to serve; and reading any
 * GridFS file chunk by chunk ({@code GridFsChunks}: release archives, claim-checked images, lab photos). Depends on
 * {@code model.release}, {@code model.runtime}, the MongoDB driver and the schemas module; no Spring.
 */
package io.plantspy.model.store;
