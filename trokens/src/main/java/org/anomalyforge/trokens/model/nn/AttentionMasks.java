package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * Additive attention masks (spec §11): −1e9 in fp32 for a blocked (query, key) pair, never −∞ (0·−∞ would be
 * NaN), and every token may always attend to itself so no softmax row is empty.
 */
public final class AttentionMasks {

    /** The additive value of a blocked pair. */
    public static final float BLOCKED = -1e9f;

    private AttentionMasks() {}

    /**
     * @param blockedKeys {@code [N, L]}, 1 where the key is blocked for every other query, 0 where allowed
     * @return additive mask {@code [N, L, L]} (query row, key column) with the diagonal always allowed
     */
    public static NDArray fromBlockedKeys(NDArray blockedKeys) {
        long len = blockedKeys.getShape().get(1);
        NDManager m = blockedKeys.getManager();
        NDArray offDiagonal = m.eye((int) len).neg().add(1f).toType(DataType.FLOAT32, false); // [L, L]
        // [N, 1, L] * [L, L] -> [N, L, L]
        return ScalarOps.mul(blockedKeys.expandDims(1).mul(offDiagonal), BLOCKED);
    }
}
