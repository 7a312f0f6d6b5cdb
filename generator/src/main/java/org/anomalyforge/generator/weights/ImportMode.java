package org.anomalyforge.generator.weights;

/** How unknown file keys are treated; missing keys and shape mismatches are always errors. */
public enum ImportMode {
    /** Unknown keys are errors (default). */
    STRICT,
    /** Unknown keys are skipped and listed in the {@link ImportReport}. */
    LENIENT
}
