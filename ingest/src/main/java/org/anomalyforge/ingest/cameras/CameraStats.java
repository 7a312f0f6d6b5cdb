package org.anomalyforge.ingest.cameras;

/**
 * What one simulated camera did in a run.
 *
 * @param camera      camera id
 * @param framesSent  frames the broker acknowledged
 * @param sendErrors  frames whose send failed
 * @param achievedFps frames handed to the producer per second between the camera's first and last frame;
 *                    NaN if it sent fewer than two
 */
public record CameraStats(String camera, long framesSent, long sendErrors, double achievedFps) {
}
