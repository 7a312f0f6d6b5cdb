package org.anomalyforge.trokens.tokens;

import org.anomalyforge.trokens.tracks.TrajectorySlots;

/**
 * Everything the recogniser needs from the non-neural half for one clip at its {@code T} model frames
 * (spec §9, §10): the slots' tracks (pixels, visibility, padding), their normalised positions for token
 * alignment, and both motion descriptors.
 *
 * @param slots       {@code M} slots restricted to the {@code T} model frames (pixels at tracking resolution)
 * @param normalisedX {@code [M][T]} {@code x_n} of §8.4 (token alignment; off-frame outside {@code [−1, 1)})
 * @param normalisedY {@code [M][T]} {@code y_n}
 * @param hod         HoD tokens {@code [M][T][D]}
 * @param relational  relational tokens {@code [M][T][2M]}
 */
public record MotionTokens(TrajectorySlots slots, float[][] normalisedX, float[][] normalisedY, HodTokens hod,
                           RelationalTokens relational) {

    public MotionTokens {
        int m = slots.size();
        int t = slots.tracks().frames();
        if (normalisedX.length != m || normalisedY.length != m || hod.points() != m || relational.points() != m) {
            throw new IllegalArgumentException("motion tokens: every part must have M = " + m + " points");
        }
        if ((m > 0) && (normalisedX[0].length != t || normalisedY[0].length != t || hod.frames() != t
                || relational.frames() != t)) {
            throw new IllegalArgumentException("motion tokens: every part must have T = " + t + " frames");
        }
    }

    /** Number of slots {@code M}. */
    public int points() {
        return slots.size();
    }

    /** Number of model frames {@code T}. */
    public int frames() {
        return slots.tracks().frames();
    }

    /** Visibility of slot {@code m} at model frame {@code t}. */
    public boolean visible(int m, int t) {
        return slots.tracks().track(m).visible()[t];
    }

    /** Whether slot {@code m} is a padding duplicate. */
    public boolean padding(int m) {
        return slots.padding()[m];
    }
}
