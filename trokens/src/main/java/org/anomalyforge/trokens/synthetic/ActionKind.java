package org.anomalyforge.trokens.synthetic;

/** Scripted conveyor actions (spec §13.6). */
public enum ActionKind {
    /** The part travels with the belt. */
    PASS,
    /** The part travels, then a pusher shoves it perpendicular off the belt. */
    REJECT,
    /** A gripper lifts the part (scale ×1.15, shadow), carries it to a tray and sets it down. */
    PICK_PLACE,
    /** Belt and part stop, the part rotates 90–360°, then they continue. */
    ROTATE_INSPECT,
    /** Belt and part static. */
    STALL,
    /** The belt moves, the part is stuck. */
    JAM,
    /** A second part moves onto the travelling first part and stays on it. */
    ASSEMBLY_STEP
}
