package org.anomalyforge.trokens.fewshot;

import ai.djl.ndarray.NDArray;

/**
 * Bidirectional frame-set matching to prototypes (spec §12), temperature 1:
 * {@code D[i, j] = 1 − ⟨q_i, p_j⟩ / (‖q_i‖·‖p_j‖ + 0.01)} and
 * {@code score(q, c) = −(Σ_i min_j D[i, j] + Σ_j min_i D[i, j])}. The scores of an episode are its logits.
 */
public final class FrameSetMatcher {

    /** Added to the norm product, so zero embeddings give distance 1 instead of NaN. */
    public static final float NORM_OFFSET = 0.01f;

    private FrameSetMatcher() {}

    /**
     * Prototypes: the mean of each class's per-clip frame embeddings.
     *
     * @param support {@code [N·K, T, d]}, class-major (the K clips of class 0 first)
     * @return {@code [N, T, d]}
     */
    public static NDArray prototypes(NDArray support, int way, int shot) {
        long t = support.getShape().get(1);
        long d = support.getShape().get(2);
        if (support.getShape().get(0) != (long) way * shot) {
            throw new IllegalArgumentException("support must hold way·shot = " + way * shot + " clips, got shape "
                    + support.getShape());
        }
        return support.reshape(way, shot, t, d).mean(new int[] {1});
    }

    /**
     * The distance matrices {@code D} for every (query, prototype) pair.
     *
     * @param queries    {@code [Q, T, d]}
     * @param prototypes {@code [N, Tp, d]}
     * @return {@code [Q, N, T, Tp]}
     */
    public static NDArray distances(NDArray queries, NDArray prototypes) {
        long q = queries.getShape().get(0);
        long t = queries.getShape().get(1);
        long d = queries.getShape().get(2);
        long n = prototypes.getShape().get(0);
        long tp = prototypes.getShape().get(1);
        NDArray qf = queries.reshape(q * t, d);
        NDArray pf = prototypes.reshape(n * tp, d);
        NDArray dot = qf.matMul(pf.transpose()); // [Q·T, N·Tp]
        NDArray qn = safeNorm(qf).reshape(q * t, 1);
        NDArray pn = safeNorm(pf).reshape(1, n * tp);
        NDArray distance = dot.div(qn.mul(pn).add(NORM_OFFSET)).neg().add(1f);
        return distance.reshape(q, t, n, tp).transpose(0, 2, 1, 3);
    }

    /**
     * Row norms {@code sqrt(Σx² + 1e-12)}: equal to ‖x‖ to within 1e-6 for any non-zero row, and with a finite
     * gradient at a zero row (an all-negative frame becomes zero after the ReLU; the plain norm's gradient
     * there is 0/0 = NaN and poisons training).
     */
    static NDArray safeNorm(NDArray rows) {
        return rows.square().sum(new int[] {1}).add(1e-12f).sqrt();
    }

    /**
     * @param queries    {@code [Q, T, d]}
     * @param prototypes {@code [N, T, d]}
     * @return scores {@code [Q, N]}
     */
    public static NDArray scores(NDArray queries, NDArray prototypes) {
        NDArray distance = distances(queries, prototypes); // [Q, N, T, T]
        NDArray queryToProto = distance.min(new int[] {3}).sum(new int[] {2});
        NDArray protoToQuery = distance.min(new int[] {2}).sum(new int[] {2});
        return queryToProto.add(protoToQuery).neg();
    }
}
