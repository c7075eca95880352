/**
 * Leaf photos in, model input out: format and limits read from the header before decoding, subsampled decoding,
 * EXIF orientation, preprocessing to the backbone's float tensor, and the History page's JPEG thumbnail of a decoded
 * photo. Depends on ImageIO plugins (TwelveMonkeys) and metadata-extractor only, never on an inference runtime, so
 * the API can vet uploads with it.
 */
package io.plantspy.model.image;
