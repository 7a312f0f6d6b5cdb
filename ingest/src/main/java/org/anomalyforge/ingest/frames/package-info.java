/**
 * The camera frame envelope on Kafka and its serde: key = camera id, value = encoded image, headers
 * {@code camera}, {@code product}, {@code frame-index}, {@code captured-at}, {@code encoding},
 * {@code schema-version}; validation with precise reasons, and dead-letter records for rejected input.
 */
package org.anomalyforge.ingest.frames;
