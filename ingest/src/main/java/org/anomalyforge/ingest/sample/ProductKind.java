package org.anomalyforge.ingest.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The procedurally rendered product kinds and the defect types each one can show.
 *
 * <p>Each kind is a visually distinct material, so a model that works on all three has not merely learnt
 * one texture: a twill-woven fabric (periodic interlacing), a brushed metal plate (anisotropic streaks and
 * a specular band) and glazed ceramic tiles (flat glaze with speckle, bevelled edges and grout lines).
 */
public enum ProductKind {

    /** Twill-woven fabric; a pulled thread is a taut floating thread with a shadow beside it. */
    FABRIC(List.of("hole", "stain", "thread")),

    /** Brushed metal plate; scratches cross the brushing direction. */
    METAL(List.of("dent", "rust", "scratch")),

    /** Glazed ceramic tiles with grout; chips expose the unglazed body at a tile edge. */
    TILE(List.of("chip", "crack", "stain"));

    private final List<String> defectTypes;

    ProductKind(List<String> defectTypes) {
        this.defectTypes = defectTypes;
    }

    /** The MVTec product folder name: the lower-case constant name ({@code fabric}, {@code metal}, {@code tile}). */
    public String folderName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Defect types of this kind, sorted, immutable; each is also its {@code test/} and {@code ground_truth/} folder. */
    public List<String> defectTypes() {
        return defectTypes;
    }

    /** The kind whose {@link #folderName()} is {@code folderName}. */
    public static ProductKind fromFolderName(String folderName) {
        for (ProductKind kind : values()) {
            if (kind.folderName().equals(folderName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("product must be one of " + Arrays.stream(values())
                .map(ProductKind::folderName).collect(Collectors.joining(", ")) + ", got '" + folderName + "'");
    }
}
