package org.anomalyforge.ingest.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;

/**
 * Tensor–scalar arithmetic that is safe under autograd, for every module that trains with DJL.
 *
 * <p>Why not {@code x.mul(0.5f)}: DJL 0.36's {@code PtNDArray.mul(Number)} (also {@code div}, {@code pow},
 * {@code maximum}, {@code minimum}) makes the scalar with {@code manager.create(Number)}, which <em>aliases</em> a
 * Java direct ByteBuffer (torch::from_blob), runs the tensor–tensor op and closes the scalar. Closing drops the only
 * Java reference to the buffer, but autograd has saved the scalar tensor for the backward pass (d(x·s)/dx = s). The
 * next garbage collection frees the buffer and backward reads freed memory: gradients turned garbage at random, so
 * identical training runs diverged and now and then went NaN, depending on GC timing (generator DESIGN §7.8).
 *
 * <p>Here the scalar is a libtorch-owned 0-d tensor ({@code NDManager.full}); autograd's reference keeps its storage
 * alive after the Java handle is closed. Outside autograd both forms are equivalent; use these in every forward and
 * loss computation.
 */
public final class ScalarOps {

    private ScalarOps() {}

    /** x · s. */
    public static NDArray mul(NDArray x, double s) {
        return withScalar(x, s, x::mul);
    }

    /** x / s. */
    public static NDArray div(NDArray x, double s) {
        return withScalar(x, s, x::div);
    }

    /** x ^ s. */
    public static NDArray pow(NDArray x, double s) {
        return withScalar(x, s, x::pow);
    }

    /** max(x, s) elementwise. */
    public static NDArray maximum(NDArray x, double s) {
        return withScalar(x, s, x::maximum);
    }

    /** min(x, s) elementwise. */
    public static NDArray minimum(NDArray x, double s) {
        return withScalar(x, s, x::minimum);
    }

    /** {@code op(scalar)}, closing the scalar's Java handle after (autograd keeps its own reference). */
    private static NDArray withScalar(NDArray x, double s, UnaryOperator<NDArray> op) {
        try (NDArray scalar = scalar(x, s)) {
            return op.apply(scalar);
        }
    }

    /** A 0-d tensor of x's type in x's manager, in libtorch-owned memory. */
    private static NDArray scalar(NDArray x, double s) {
        if (Double.isNaN(s)) {
            throw new IllegalArgumentException("scalar operand must not be NaN, got " + s);
        }
        return x.getManager().full(new Shape(), (float) s, x.getDataType());
    }
}
