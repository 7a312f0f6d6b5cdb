package org.anomalyforge.trokens.tracking;

/** Which way points are tracked from their query frame (spec §8.2, §7.5). */
public enum TrackDirection {
    /** Forward to the last frame and backward to frame 0 (semantic sampling). */
    BOTH,
    /** Forward only; a point is invisible before its query frame and holds its query position there (GRID). */
    FORWARD
}
