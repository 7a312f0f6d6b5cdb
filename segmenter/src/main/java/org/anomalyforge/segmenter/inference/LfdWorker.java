package org.anomalyforge.segmenter.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Batched eval-mode inference for one thread at a time (§6.2–§6.4; NOT thread-safe).
 *
 * <p>Owns a native manager, a direct native-order buffer of maxBatch·3·H·W floats and one input array
 * (maxBatch×3×H×W) created over it. A call fills the buffer, {@code input.set(buffer)}, runs the forward in
 * a per-call sub-manager on the first n rows ({@code input.get(":n")}, no padding), copies the maps out and
 * closes the sub-manager, so native memory stays flat across calls. Grad mode (thread-local in libtorch) is
 * switched off on the calling thread before every forward. Two warm-up forwards run at creation.
 */
public final class LfdWorker implements AutoCloseable {

    private final LoadedLfd model;
    private final int maxBatch;
    private final boolean withMaskPng;
    private final int height;
    private final int width;
    private final NDManager manager;
    private final ByteBuffer buffer;
    private final NDArray input;
    private final float[] maps;
    private final float[] scores;
    private final ImageScorer scorer;
    private final ImageCodec codec = ImageCodec.withDefaults();

    LfdWorker(LoadedLfd model, int maxBatch, boolean withMaskPng) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be ≥ 1, got " + maxBatch);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.withMaskPng = withMaskPng;
        this.height = model.config().inputHeight();
        this.width = model.config().inputWidth();
        this.manager = NDManager.newBaseManager();
        this.buffer = ByteBuffer.allocateDirect(maxBatch * 3 * height * width * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        this.input = manager.create(new Shape(maxBatch, 3, height, width), DataType.FLOAT32);
        this.maps = new float[maxBatch * height * width];
        this.scores = new float[maxBatch];
        this.scorer = new ImageScorer(model.config().imageScoreMode(), width, height);
        float[] zeros = new float[maxBatch * 3 * height * width];
        segmentNormalized(zeros, maxBatch, maps, scores);
        segmentNormalized(zeros, maxBatch, maps, scores);
    }

    /** The largest batch per call. */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Segments frames of any size (each resized to H×W per §4).
     *
     * @param frames 1…maxBatch frames
     * @return one result per frame, in order
     */
    public List<FrameResult> segment(List<RgbImage> frames) {
        int n = checkBatch(frames == null ? -1 : frames.size());
        int chw = 3 * height * width;
        float[] nchw = new float[n * chw];
        for (int i = 0; i < n; i++) {
            System.arraycopy(FrameResizer.toInput(frames.get(i), width, height), 0, nchw, i * chw, chw);
        }
        segmentNormalized(nchw, n, maps, scores);
        float tauPixel = model.config().tauPixel();
        float tauImage = model.config().tauImage();
        int hw = height * width;
        List<FrameResult> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] map = java.util.Arrays.copyOfRange(maps, i * hw, (i + 1) * hw);
            byte[] mask = new byte[hw];
            long count = 0;
            for (int p = 0; p < hw; p++) {
                if (map[p] >= tauPixel) {
                    mask[p] = 1;
                    count++;
                }
            }
            RgbImage f = frames.get(i);
            long area = Math.round(count * ((double) f.width() * f.height()) / hw);
            byte[] png = withMaskPng ? codec.encodeMaskPng(new BinaryMask(width, height, mask)) : null;
            out.add(new FrameResult(scores[i], scores[i] >= tauImage, area, map, png));
        }
        return out;
    }

    /**
     * The allocation-light path: already normalised input in, maps and scores into caller arrays.
     *
     * @param nchw      at least n·3·H·W floats, ImageNet-normalised, N×C×H×W
     * @param n         1…maxBatch
     * @param mapsOut   at least n·H·W floats: the probability maps
     * @param scoresOut at least n floats: the image scores
     */
    public void segmentNormalized(float[] nchw, int n, float[] mapsOut, float[] scoresOut) {
        checkBatch(n);
        int hw = height * width;
        if (nchw.length < n * 3 * hw || mapsOut.length < n * hw || scoresOut.length < n) {
            throw new IllegalArgumentException("batch of " + n + " at " + height + "×" + width + " needs ≥ "
                    + n * 3 * hw + " input floats, ≥ " + n * hw + " map floats and ≥ " + n + " scores, got "
                    + nchw.length + ", " + mapsOut.length + ", " + scoresOut.length);
        }
        FloatBuffer view = buffer.asFloatBuffer();
        view.put(nchw, 0, n * 3 * hw);
        buffer.rewind();
        input.set(buffer);                                 // direct buffer: aliased, no copy
        float[] p;
        try (NDManager call = manager.newSubManager()) {
            input.tempAttach(call);                        // slices and activations land in the call scope
            NDArray x = n == maxBatch ? input : input.get(new NDIndex(":" + n));
            p = AnomalyMaps.probabilities(model.net(), call, x);
        }
        System.arraycopy(p, 0, mapsOut, 0, n * hw);
        for (int i = 0; i < n; i++) {
            scoresOut[i] = scorer.score(mapsOut, i * hw);
        }
    }

    private int checkBatch(int n) {
        if (n < 1 || n > maxBatch) {
            throw new IllegalArgumentException("batch size must be in 1.." + maxBatch + ", got " + n);
        }
        return n;
    }

    /** Releases the worker's native memory. */
    @Override
    public void close() {
        manager.close();
    }
}
