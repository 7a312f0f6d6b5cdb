package org.anomalyforge.generator.nn;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * One state-dict entry: dotted PyTorch name and shape (PyTorch order: Linear [out, in], Conv2d [out, in, kh, kw]).
 *
 * @param name  e.g. {@code down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight}
 * @param shape the tensor shape
 */
public record ParamSpec(String name, Shape shape) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
    }

    /** Number of elements. */
    public long size() {
        return shape.size();
    }

    /** Shape as a plain array. */
    public long[] dims() {
        return shape.getShape();
    }
}
