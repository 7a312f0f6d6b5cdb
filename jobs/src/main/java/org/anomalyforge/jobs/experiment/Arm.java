package org.anomalyforge.jobs.experiment;

/** One arm of the seas-vs-baseline experiment (seas.md §11.1): what the segmenter is trained on. */
public enum Arm {
    /** A: real few-shot defects + normal images only. */
    REAL("A", "real shots + normals"),
    /** B: A + DRAEM-style Perlin pairs (the "no diffusion" baseline). */
    PERLIN("B", "A + Perlin pairs"),
    /** C: A + SeaS pairs. */
    SEAS("C", "A + SeaS pairs");

    private final String letter;
    private final String description;

    Arm(String letter, String description) {
        this.letter = letter;
        this.description = description;
    }

    public String letter() {
        return letter;
    }

    public String description() {
        return description;
    }

    /** Folder name of the arm inside the experiment's work folder. */
    public String folder() {
        return letter + "-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
