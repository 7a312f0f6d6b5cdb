package org.anomalyforge.ingest.safetensors;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor entry of a safetensors header.
 *
 * @param name  tensor name, non-empty
 * @param dtype element type
 * @param shape dimensions, each ≥ 0; {@code []} is a scalar (one element). Copied on the way in and out.
 * @param begin first byte of the data, relative to the start of the data buffer (byte 8 + header length)
 * @param end   one past the last byte; {@code end - begin == numel() * dtype.byteSize()}
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tensor name must not be empty");
        }
        shape = shape.clone();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': shape[" + i + "] must be >= 0, got "
                        + shape[i] + " in " + Arrays.toString(shape));
            }
        }
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("tensor '" + name + "': offsets must satisfy 0 <= begin <= end, got ["
                    + begin + ", " + end + "]");
        }
        long expected = byteLength(name, dtype, shape);
        if (end - begin != expected) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " of "
                    + dtype.fileName() + " needs " + expected + " bytes, but offsets [" + begin + ", " + end
                    + "] span " + (end - begin));
        }
    }

    /** A copy of the dimensions. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    public long numel() {
        return numel(name, shape);
    }

    /** Bytes of data, {@code end - begin}. */
    public long byteLength() {
        return end - begin;
    }

    /** Element count of {@code shape}; ArithmeticException naming the tensor if it exceeds a long. */
    static long numel(String name, long[] shape) {
        long n = 1;
        for (long d : shape) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new ArithmeticException("tensor '" + name + "': element count of shape "
                        + Arrays.toString(shape) + " overflows a 64-bit long");
            }
        }
        return n;
    }

    /** Byte count of {@code shape} × {@code dtype}; ArithmeticException naming the tensor on overflow. */
    static long byteLength(String name, DType dtype, long[] shape) {
        long n = numel(name, shape);
        try {
            return Math.multiplyExact(n, (long) dtype.byteSize());
        } catch (ArithmeticException e) {
            throw new ArithmeticException("tensor '" + name + "': byte size of shape " + Arrays.toString(shape)
                    + " × " + dtype.byteSize() + " bytes overflows a 64-bit long");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
    }

    @Override
    public String toString() {
        return "TensorInfo[" + name + ", " + dtype.fileName() + ", shape=" + Arrays.toString(shape)
                + ", data_offsets=[" + begin + ", " + end + "]]";
    }
}
