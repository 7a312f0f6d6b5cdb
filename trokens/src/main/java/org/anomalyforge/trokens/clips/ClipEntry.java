package org.anomalyforge.trokens.clips;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One manifest row (spec §4.1). Optional text fields are empty strings when absent.
 *
 * @param line         1-based line of the row in its manifest (0 for entries built in code)
 * @param clipId       unique, {@code [A-Za-z0-9._-]+}
 * @param path         video file or frame folder, relative to the manifest's folder
 * @param label        class name, {@code [A-Za-z0-9_-]+}, case-sensitive
 * @param split        {@code train | val | test}
 * @param fps          source frame rate (required for frame folders)
 * @param startSeconds trim start
 * @param endSeconds   trim end
 * @param source       {@code synthetic | user | benchmark} or empty
 * @param cameraId     camera identifier or empty
 * @param group        keeps clips of one recording in one split, or empty
 * @param frames       frame count (written by the synthesiser), optional
 * @param seed         synthesis seed, optional
 */
public record ClipEntry(int line, String clipId, String path, String label, String split, OptionalDouble fps,
                        OptionalDouble startSeconds, OptionalDouble endSeconds, String source, String cameraId,
                        String group, OptionalInt frames, OptionalLong seed) {

    public ClipEntry {
        java.util.Objects.requireNonNull(clipId, "clipId");
        java.util.Objects.requireNonNull(path, "path");
        java.util.Objects.requireNonNull(label, "label");
        java.util.Objects.requireNonNull(split, "split");
        source = source == null ? "" : source;
        cameraId = cameraId == null ? "" : cameraId;
        group = group == null ? "" : group;
    }

    /** A synthetic clip's row: {@code source = synthetic}, with its fps, frame count and seed. */
    public static ClipEntry synthetic(String clipId, String path, String label, String split, double fps, int frames,
                                      long seed) {
        return new ClipEntry(0, clipId, path, label, split, OptionalDouble.of(fps), OptionalDouble.empty(),
                OptionalDouble.empty(), "synthetic", "", "", OptionalInt.of(frames), OptionalLong.of(seed));
    }
}
