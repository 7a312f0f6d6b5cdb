package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;
import java.util.Objects;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * LFD's online hard-example-mining cross-entropy (spec §5.4), acting on the anomaly logit z = l1 − l0
 * (the 2-class softmax depends only on z, §2.5).
 *
 * <ol>
 *   <li>p_t = σ(z) for y = 1, σ(−z) for y = 0; the selection gets no gradient.</li>
 *   <li>With q the ascending p_t of the N non-ignored pixels: thr = max(q[min(k, N − 1)], 0.7).</li>
 *   <li>Keep the pixels with p_t &lt; thr (strict).</li>
 *   <li>ℓ = w_y·(−log p_t) = w_y·softplus(−t) with t = ±z, w = (1, 4) for (background, anomaly).</li>
 *   <li>loss = Σ_kept ℓ / |kept| (a plain mean, not divided by the weight sum), 0 if none is kept.</li>
 * </ol>
 *
 * <p>Labels are 0 (background), 1 (anomaly) or −1 (ignored), shaped B×H×W or B×1×H×W. Arrays created
 * here live in the prediction's manager, so callers scope a training step with a sub-manager.
 */
public final class OhemCrossEntropyLoss extends Loss {

    /** Probability threshold below which a pixel is always kept. */
    public static final float THRESHOLD = 0.7f;
    /** Class weight of background pixels. */
    public static final float BACKGROUND_WEIGHT = 1f;
    /** Class weight of anomaly pixels. */
    public static final float ANOMALY_WEIGHT = 4f;
    /** Label of pixels that take no part in the loss. */
    public static final int IGNORE_LABEL = -1;

    private final MinKeptRule minKept;

    /**
     * @param minKept the k rule; {@link MinKeptRule#proportional()} by default
     */
    public OhemCrossEntropyLoss(MinKeptRule minKept) {
        super("ohem_ce");
        this.minKept = Objects.requireNonNull(minKept, "minKept");
    }

    /** The k rule. */
    public MinKeptRule minKept() {
        return minKept;
    }

    /**
     * The loss of raw logits (B×2×H×W, the {@link LfdNet} output) or of the anomaly logit z (B×1×H×W).
     *
     * @param labels      NDList(labels B×H×W or B×1×H×W, values in {−1, 0, 1})
     * @param predictions NDList(logits or z, …); only the first array is used
     * @return scalar loss
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray p = predictions.head();
        Shape s = p.getShape();
        if (s.dimension() != 4 || (s.get(1) != 2 && s.get(1) != 1)) {
            throw new IllegalArgumentException("OHEM predictions must be logits B×2×H×W or z B×1×H×W, got shape "
                    + s);
        }
        NDArray z = s.get(1) == 2 ? p.get(":, 1").sub(p.get(":, 0")) : p.get(":, 0");   // B×H×W
        return fromAnomalyLogit(z, labels.head());
    }

    /**
     * The loss of the anomaly logit.
     *
     * @param z      z = l1 − l0, B×H×W or B×1×H×W
     * @param labels B×H×W or B×1×H×W, values in {−1, 0, 1} (any numeric type)
     * @return scalar loss, differentiable with respect to z
     */
    public NDArray fromAnomalyLogit(NDArray z, NDArray labels) {
        Shape zs = squeezedShape("z", z.getShape());
        Shape ls = squeezedShape("labels", labels.getShape());
        if (!zs.equals(ls)) {
            throw new IllegalArgumentException("OHEM labels " + labels.getShape() + " do not match predictions "
                    + z.getShape());
        }
        NDArray logit = z.reshape(zs);                                      // B×H×W
        NDArray y = labels.toType(DataType.FLOAT32, false).reshape(zs);
        NDArray valid = y.gte(0f);
        NDArray positive = y.eq(1f);
        checkLabelValues(y, positive);

        NDArray positiveF = positive.toType(DataType.FLOAT32, false);
        NDArray target = logit.mul(ScalarOps.mul(positiveF, 2).sub(1f));             // t = ±z, p_t = σ(t)
        NDArray nll = Activation.softPlus(target.neg());                    // −log σ(t)
        NDArray weight = ScalarOps.mul(positiveF, ANOMALY_WEIGHT - BACKGROUND_WEIGHT).add(BACKGROUND_WEIGHT);

        long n = valid.toType(DataType.INT64, false).sum().getLong();
        if (n == 0) {
            return ScalarOps.mul(logit.sum(), 0);                                     // nothing to learn; zero gradient
        }
        NDArray keep = hardPixels(target.stopGradient(), valid, n);         // float 0/1, B×H×W, no gradient
        NDArray total = nll.mul(weight).mul(keep).sum();
        float kept = keep.sum().getFloat();
        return ScalarOps.div(total, Math.max(kept, 1f));
    }

    /** The kept-pixel mask of §5.4 steps 1–3: p_t &lt; max(q[min(k, N−1)], 0.7) among the valid pixels. */
    private NDArray hardPixels(NDArray target, NDArray valid, long n) {
        NDArray pt = Activation.sigmoid(target);                            // p_t ∈ [0, 1]
        // Ignored pixels are moved above 1 so that they sort after every valid one.
        NDArray ranked = pt.add(ScalarOps.mul(valid.logicalNot().toType(DataType.FLOAT32, false), 2)).flatten().sort();
        int k = minKept.resolve(n);
        float threshold = Math.max(ranked.getFloat(Math.min(k, n - 1)), THRESHOLD);
        return pt.lt(threshold).logicalAnd(valid).toType(DataType.FLOAT32, false);
    }

    private static void checkLabelValues(NDArray y, NDArray positive) {
        NDArray background = y.eq(0f);
        NDArray ignored = y.eq((float) IGNORE_LABEL);
        long bad = y.size() - background.logicalOr(positive).logicalOr(ignored).toType(DataType.INT64, false)
                .sum().getLong();
        if (bad != 0) {
            throw new IllegalArgumentException("OHEM labels must be 0, 1 or " + IGNORE_LABEL + ", got " + bad
                    + " other value(s)");
        }
    }

    private static Shape squeezedShape(String field, Shape s) {
        if (s.dimension() == 3) {
            return s;
        }
        if (s.dimension() == 4 && s.get(1) == 1) {
            return new Shape(s.get(0), s.get(2), s.get(3));
        }
        throw new IllegalArgumentException("OHEM " + field + " must be B×H×W or B×1×H×W, got shape " + s);
    }
}
