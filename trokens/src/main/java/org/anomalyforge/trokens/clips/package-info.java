/**
 * Clip I/O and frame sampling (spec §4, §5): decoded clips, MJPEG AVI read/write through OpenCV's built-in
 * {@code CAP_OPENCV_MJPEG} backend, frame folders, the validated manifest CSV and the exact frame-index rule.
 */
package org.anomalyforge.trokens.clips;
