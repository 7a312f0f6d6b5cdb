package org.anomalyforge.trokens.train;

import org.anomalyforge.trokens.model.PrecomputedClip;

import java.util.Objects;

/**
 * A precomputed clip with its class label and data source.
 *
 * @param clip   tokens and features
 * @param label  class name, {@code [A-Za-z0-9_-]+}
 * @param source {@code synthetic}, {@code user} or {@code benchmark} (reported per source in evaluations)
 */
public record LabeledClip(PrecomputedClip clip, String label, String source) {

    public LabeledClip {
        Objects.requireNonNull(clip, "clip");
        if (label == null || !label.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("clip " + clip.clipId() + ": label must match [A-Za-z0-9_-]+, got '"
                    + label + "'");
        }
        Objects.requireNonNull(source, "source of clip " + clip.clipId());
    }
}
