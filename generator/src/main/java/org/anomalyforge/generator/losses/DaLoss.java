package org.anomalyforge.generator.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * The Decoupled Anomaly Alignment loss at one resolution r, exactly as seas.md §7.4:
 * <pre>
 * M_a = ¼·Σ_{l∈anomaly tokens} A_r[l],  M_n = A_r[ob1]                       [b, r, r]
 * norm(M) = (M − min M) / max(max M − min M, 1e-12)     ONE min/max over the whole [b, r, r] tensor
 * L = mean((norm(M_a) − G)²) + [Ω ≠ ∅]·mean_Ω((norm(M_n) − (1 − G))²)
 * </pre>
 * The maps come from the U-Net's DA tap {@code [b, 5, r, r]} with column 0 = the {@code ob1} position and columns
 * 1..4 = the four anomaly-token positions (the tap's token order {2, 4, 5, 6, 7}). Nothing is detached: gradients
 * flow into the maps (and through min/max, as in the original).
 *
 * <p>Empty-region guard: when Ω is empty over the whole anomaly half, term 2 is 0 (the original divided 0 by 0).
 */
public final class DaLoss {

    /** Floor of the min–max range (constant maps would divide by zero). */
    public static final float RANGE_FLOOR = 1e-12f;

    private final OmegaRegion region;

    public DaLoss(OmegaRegion region) {
        if (region == null) {
            throw new IllegalArgumentException("DaLoss.region must be set, got null");
        }
        this.region = region;
    }

    /**
     * @param maps    A_r restricted to the kept anomaly samples, [b, 5, r, r] (column 0 = ob1, 1..4 = sks)
     * @param targets soft mask targets G_r of the same samples, [b, r, r] in [0, 1] (no gradient)
     */
    public DaLossTerms compute(NDArray maps, NDArray targets) {
        Shape s = maps.getShape();
        if (s.dimension() != 4 || s.get(1) != 5 || s.get(2) != s.get(3)) {
            throw new IllegalArgumentException("DA maps must be [b, 5, r, r] (ob1 + 4 anomaly tokens), got " + s);
        }
        Shape expected = new Shape(s.get(0), s.get(2), s.get(3));
        if (!targets.getShape().equals(expected)) {
            throw new IllegalArgumentException("DA targets must be " + expected + ", got " + targets.getShape());
        }
        NDArray anomalyMap = maps.get(new NDIndex(":, 1:5")).mean(new int[] {1});        // [b, r, r]
        NDArray normalMap = maps.get(new NDIndex(":, 0"));                                 // [b, r, r]
        NDArray anomalyTerm = normalise(anomalyMap).sub(targets).square().mean();
        float[] g = targets.toFloatArray();
        float[] omega = new float[g.length];
        int count = 0;
        for (int i = 0; i < g.length; i++) {
            if (region.contains(g[i])) {
                omega[i] = 1f;
                count++;
            }
        }
        NDArray normalTerm;
        if (count == 0) {
            normalTerm = anomalyTerm.zerosLike();
        } else {
            NDArray inside = maps.getManager().create(omega, expected);
            NDArray residual = normalise(normalMap).sub(targets.neg().add(1f));         // norm(M_n) − (1 − G)
            normalTerm = ScalarOps.div(residual.square().mul(inside).sum(), count);
        }
        return new DaLossTerms(anomalyTerm.add(normalTerm), anomalyTerm, normalTerm, count == 0);
    }

    /** (M − min M) / max(max M − min M, 1e-12) with one global min and max. */
    static NDArray normalise(NDArray m) {
        NDArray min = m.min();
        NDArray range = ScalarOps.maximum(m.max().sub(min), RANGE_FLOOR);
        return m.sub(min).div(range);
    }
}
