package org.anomalyforge.trokens.tokens;

/** Which HoD features a token carries (spec §9.1, {@code hod.mode}). */
public enum HodMode {
    /** One 32-bin histogram per frame; width 32 (default). */
    PER_FRAME(32),
    /** The 7-chunk temporal pyramid broadcast to every frame; width 224. */
    PYRAMID(224),
    /** Per-frame row followed by the pyramid; width 256. */
    PER_FRAME_PLUS_PYRAMID(256);

    private final int width;

    HodMode(int width) {
        this.width = width;
    }

    /** Token width {@code D} (the HoD MLP's input width). */
    public int width() {
        return width;
    }
}
