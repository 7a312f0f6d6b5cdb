package org.anomalyforge.trokens.model;

import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.encoders.AppearanceEncoder;
import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.tokens.MotionTokens;
import org.anomalyforge.trokens.tracking.ClipTrackResult;

import java.util.Objects;

/**
 * Everything the recogniser needs from one clip, as produced by the tracking pipeline: the motion tokens
 * at the {@code T} model frames and the encoder's patch features of those same frames.
 *
 * @param clipId     identifies the clip in messages
 * @param motion     slots, normalised positions, HoD and relational tokens at the T model frames
 * @param appearance encoder features {@code [T, G, G, A]} of the model frames
 */
public record PrecomputedClip(String clipId, MotionTokens motion, PatchGrid appearance) {

    public PrecomputedClip {
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(motion, "motion of clip " + clipId);
        Objects.requireNonNull(appearance, "appearance of clip " + clipId);
        if (appearance.frames() != motion.frames()) {
            throw new IllegalArgumentException("clip " + clipId + ": appearance has " + appearance.frames()
                    + " frames, motion tokens have " + motion.frames());
        }
    }

    /**
     * The clip as the tracking pipeline left it: model-frame features are taken from the clustering features
     * when every model frame is a clustering frame (spec §6.4, always the case for ≤ 32 tracking frames),
     * otherwise the model frames are encoded with {@code encoder}.
     *
     * @param frames  the tracking frames the pipeline processed
     * @param result  the pipeline's output for them
     * @param encoder the encoder the pipeline used
     */
    public static PrecomputedClip of(TrackingFrames frames, ClipTrackResult result, AppearanceEncoder encoder) {
        int[] model = result.modelFrames();
        int[] clustering = result.clusteringFrames();
        int[] positions = new int[model.length];
        boolean reusable = result.clusteringFeatures().isPresent();
        for (int i = 0; i < model.length && reusable; i++) {
            positions[i] = indexOf(clustering, model[i]);
            reusable = positions[i] >= 0;
        }
        PatchGrid features = reusable ? result.clusteringFeatures().get().selectFrames(positions)
                : encoder.encode(frames.select(model));
        return new PrecomputedClip(frames.clipId(), result.tokens(), features);
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
