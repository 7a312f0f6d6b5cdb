/**
 * Synthetic conveyor action clips (spec §13.6): seeded scenes with scripted actions, written as MJPEG AVI,
 * JSON ground-truth sidecars and a manifest, so the recogniser has data without anyone's videos.
 */
package org.anomalyforge.trokens.synthetic;
