package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code torch.nn.Embedding}: a table weight [rows, dim]; ids [...] (int64) → [..., dim].
 *
 * <p>The lookup uses {@code JniUtils.embedding}, which puts the result in the ids' manager (a {@code W.get(ids)}
 * would land in the parameter's never-closed manager; cookbook §6). Repeated ids accumulate in dW.
 */
public final class Embedding extends ModuleBlock {

    private final int dim;
    private final double std;
    private int rows;
    private Parameter weight;

    /**
     * @param rows number of rows (vocabulary or positions), &gt; 0
     * @param dim  embedding width, &gt; 0
     * @param std  init N(0, std²): 0.02 for tokens, 0.01 for positions (seas.md §3.3)
     */
    public Embedding(int rows, int dim, double std) {
        if (rows <= 0 || dim <= 0) {
            throw new IllegalArgumentException("Embedding rows and dim must be > 0, got " + rows + " x " + dim);
        }
        this.rows = rows;
        this.dim = dim;
        this.std = std;
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(rows, dim), TorchInit.normal(std));
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Embedding width. */
    public int dim() {
        return dim;
    }

    /** The table parameter [rows, dim]. */
    public Parameter weight() {
        return weight;
    }

    /** ids [...] of integer type with values in [0, rows) → [..., dim]. */
    public NDArray forward(ParameterStore ps, NDArray ids, boolean training) {
        NDArray idx = ids.getDataType() == DataType.INT64 ? ids : ids.toType(DataType.INT64, false);
        NDArray w = value(ps, weight, ids, training);
        return JniUtils.embedding((PtNDArray) idx, (PtNDArray) w, false);
    }

    /**
     * Appends rows below the existing ones (seas.md §4.4: new token rows), keeping the existing values.
     *
     * <p>The table parameter is replaced by a new one of shape [rows + k, dim] (a new parameter id; build
     * trainers after appending). The old array is closed.
     *
     * @param newRows [k, dim] float32 values, k &gt; 0
     */
    public void appendRows(NDArray newRows) {
        Shape s = newRows.getShape();
        if (s.dimension() != 2 || s.get(1) != dim || s.get(0) <= 0) {
            throw new IllegalArgumentException("Embedding.appendRows needs [k > 0, " + dim + "] rows, got " + s);
        }
        if (newRows.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("Embedding.appendRows needs float32 rows, got " + newRows.getDataType());
        }
        NDArray old = weight.getArray();
        NDArray table = old.concat(newRows.toDevice(old.getDevice(), false), 0);
        table.attach(old.getManager());
        Parameter grown = Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).optShape(table.getShape())
                .optArray(table).optRequiresGrad(weight.requiresGradient()).optInitializer(TorchInit.normal(std)).build();
        grown.initialize(old.getManager(), DataType.FLOAT32);
        replaceParameter("weight", grown);
        old.close();
        weight = grown;
        rows = Math.toIntExact(table.getShape().get(0));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dim)};
    }
}
