package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Σ_i c_i·x_i over equally shaped tensors, with float64 coefficients cast to float32 only here (seas.md §5:
 * "scalars in float64, applied to float32 tensors").
 *
 * <p>Memory (DJL-COOKBOOK §6): every intermediate is created in a throw-away sub-manager of the first term's
 * manager, and only the result is attached back to that manager, so a long sampling loop leaks no handles
 * into the caller's manager.
 */
final class LinearCombination {

    private LinearCombination() {
    }

    /**
     * Σ_i coefficients[i]·terms[i] with one scalar coefficient per term.
     *
     * @param coefficients one per term
     * @param terms        tensors of one shape, e.g. [B, C, H, W]; the result lives in terms[0]'s manager
     */
    static NDArray of(double[] coefficients, NDArray... terms) {
        double[][] perTerm = new double[coefficients.length][];
        for (int i = 0; i < coefficients.length; i++) {
            perTerm[i] = new double[] {coefficients[i]};
        }
        return combine(perTerm, false, terms);
    }

    /**
     * Σ_i coefficients[i][b]·terms[i][b] with one coefficient per term and batch element b.
     *
     * @param coefficients [terms][B]
     * @param terms        tensors of one shape [B, …]; the result lives in terms[0]'s manager
     */
    static NDArray perSample(double[][] coefficients, NDArray... terms) {
        return combine(coefficients, true, terms);
    }

    /**
     * Fails unless {@code actual} has the shape of {@code expected}, naming both.
     */
    static void requireSameShape(String name, NDArray actual, String expectedName, NDArray expected) {
        if (!actual.getShape().equals(expected.getShape())) {
            throw new IllegalArgumentException(name + " shape " + actual.getShape() + " must equal "
                    + expectedName + " shape " + expected.getShape());
        }
    }

    private static NDArray combine(double[][] coefficients, boolean perSample, NDArray... terms) {
        if (terms.length == 0 || coefficients.length != terms.length) {
            throw new IllegalArgumentException("need one coefficient row per term, got " + coefficients.length
                    + " rows for " + terms.length + " terms");
        }
        for (int i = 1; i < terms.length; i++) {
            requireSameShape("term " + i, terms[i], "term 0", terms[0]);
        }
        Shape shape = terms[0].getShape();
        Shape coefficientShape = perSample ? perSampleShape(shape) : new Shape();
        NDManager home = terms[0].getManager();
        try (NDManager scope = home.newSubManager()) {
            NDArray sum = null;
            for (int i = 0; i < terms.length; i++) {
                float[] values = new float[coefficients[i].length];
                for (int b = 0; b < values.length; b++) {
                    values[b] = (float) coefficients[i][b];
                }
                // The coefficient is the first operand so the product lands in the scope, not in the caller's
                // manager.
                NDArray coefficient = scope.create(values, coefficientShape).toType(terms[i].getDataType(), false);
                NDArray product = coefficient.mul(terms[i]);
                sum = sum == null ? product : sum.add(product);
            }
            sum.attach(home);
            return sum;
        }
    }

    private static Shape perSampleShape(Shape shape) {
        if (shape.dimension() < 1) {
            throw new IllegalArgumentException("per-sample coefficients need a batch axis, got shape " + shape);
        }
        long[] dims = new long[shape.dimension()];
        dims[0] = shape.get(0);
        for (int i = 1; i < dims.length; i++) {
            dims[i] = 1;
        }
        return new Shape(dims);
    }
}
