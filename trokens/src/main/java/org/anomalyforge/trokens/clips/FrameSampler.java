package org.anomalyforge.trokens.clips;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Frame sampling of spec §5.1: timestamp resampling to the tracking rate with a long-side limit, then
 * clustering frames ({@code F' = min(32, T_trk)}) and model frames ({@code T = 8}) by the integer rule
 * {@code floor(i·(n−1)/(count−1))}, the same in training and inference.
 *
 * @param trackingFps target rate (10); a slower source keeps its own rate
 * @param maxLongSide long side limit in pixels (512), aspect kept
 */
public record FrameSampler(double trackingFps, int maxLongSide) {

    /** Clustering frames {@code F}. */
    public static final int CLUSTERING_FRAMES = 32;
    /** Model frames {@code T}. */
    public static final int MODEL_FRAMES = 8;
    /** The spec's sampler: 10 fps, long side ≤ 512. */
    public static final FrameSampler DEFAULT = new FrameSampler(10, 512);

    public FrameSampler {
        if (!(trackingFps > 0) || !Double.isFinite(trackingFps)) {
            throw new IllegalArgumentException("trackingFps must be finite and > 0, got " + trackingFps);
        }
        if (maxLongSide < 16) {
            throw new IllegalArgumentException("maxLongSide must be >= 16, got " + maxLongSide);
        }
    }

    /**
     * {@code count} indices {@code floor(i·(available−1)/(count−1))}, i = 0..count−1 (exact integer arithmetic,
     * numpy's {@code linspace(...).astype(int)} without float hazards); {@code [0]} when count is 1.
     */
    public static int[] evenIndices(int available, int count) {
        if (available < 1 || count < 1) {
            throw new IllegalArgumentException("evenIndices needs available >= 1 and count >= 1, got " + available
                    + " and " + count);
        }
        int[] out = new int[count];
        for (int i = 0; i < count && count > 1; i++) {
            out[i] = (int) ((long) i * (available - 1) / (count - 1));
        }
        return out;
    }

    /** The 8 model-frame indices of a clip with {@code tTrk} tracking frames; fewer than 8 is an error naming the clip. */
    public static int[] modelFrameIndices(int tTrk, String clipId) {
        if (tTrk < MODEL_FRAMES) {
            throw new IllegalArgumentException("clip " + clipId + ": needs at least " + MODEL_FRAMES
                    + " tracking frames after resampling, got " + tTrk);
        }
        return evenIndices(tTrk, MODEL_FRAMES);
    }

    /** The {@code F' = min(32, T_trk)} clustering-frame indices. */
    public static int[] clusteringFrameIndices(int tTrk) {
        return evenIndices(tTrk, Math.min(CLUSTERING_FRAMES, tTrk));
    }

    /**
     * Source frame index for each tracking target time {@code k/rate}: the nearest source frame (ties to the
     * later one). Targets run while {@code k/rate < n/fps}; a source slower than the tracking rate keeps all
     * its frames.
     */
    public int[] sourceIndices(int sourceFrames, double sourceFps) {
        if (sourceFps <= trackingFps) {
            return java.util.stream.IntStream.range(0, sourceFrames).toArray();
        }
        int targets = Math.max(1, (int) Math.floor(sourceFrames * trackingFps / sourceFps + 1e-9));
        int[] out = new int[targets];
        for (int k = 0; k < targets; k++) {
            long nearest = (long) Math.floor(k * sourceFps / trackingFps + 0.5 + 1e-9);
            out[k] = (int) Math.min(sourceFrames - 1, nearest);
        }
        return out;
    }

    /** Resamples and resizes a decoded clip to tracking frames (RGB kept; the tracker converts to grey). */
    public TrackingFrames toTrackingFrames(ClipFrames clip) {
        int[] indices = sourceIndices(clip.size(), clip.fps());
        int w = clip.width();
        int h = clip.height();
        int longSide = Math.max(w, h);
        int nw = w;
        int nh = h;
        if (longSide > maxLongSide) {
            double s = (double) maxLongSide / longSide;
            nw = Math.max(1, (int) Math.round(w * s));
            nh = Math.max(1, (int) Math.round(h * s));
        }
        List<RgbImage> frames = new ArrayList<>(indices.length);
        for (int i : indices) {
            RgbImage f = clip.frames().get(i);
            frames.add(nw == w && nh == h ? f : ImageCodec.resize(f, nw, nh, Interpolation.AREA));
        }
        return new TrackingFrames(clip.clipId(), frames, Math.min(trackingFps, clip.fps()));
    }
}
