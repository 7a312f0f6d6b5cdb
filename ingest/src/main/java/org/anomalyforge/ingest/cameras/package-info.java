/**
 * The camera simulator: replays dataset images, image folders or MJPG AVI clips as several cameras at a fixed
 * frame rate onto Kafka as frame envelopes, with optional injected faults, and reports the achieved rate.
 */
package org.anomalyforge.ingest.cameras;
