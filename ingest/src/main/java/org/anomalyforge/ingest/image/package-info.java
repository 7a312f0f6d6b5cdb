/**
 * Pixels and codecs. {@link org.anomalyforge.ingest.image.RgbImage} and
 * {@link org.anomalyforge.ingest.image.BinaryMask} are the plain-Java types that carry pixels between
 * modules; {@link org.anomalyforge.ingest.image.ImageCodec} decodes, encodes and resizes them with
 * OpenCV, refusing images over a pixel limit before decoding.
 */
package org.anomalyforge.ingest.image;
