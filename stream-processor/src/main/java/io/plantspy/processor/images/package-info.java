/**
 * Where a request's image bytes come from: inline, or a claim check in a store (GridFS). Depends on the schemas,
 * the MongoDB driver and {@code model.image} (for its size refusal); not on Kafka or the model runtime.
 */
package io.plantspy.processor.images;
