package org.anomalyforge.ingest.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A diagnostic for autograd graphs that read freed Java memory (see {@link ScalarOps}): collects garbage, so that
 * direct buffers no longer referenced from Java are freed, then allocates new direct buffers filled with a sentinel
 * so that the freed memory is likely reused and overwritten. Run it between a forward pass and its backward pass: a
 * graph that is safe gives bit-identical gradients with and without it.
 */
public final class FreedBufferChurn {

    /** The value written into the new buffers. */
    public static final float SENTINEL = 7f;

    private FreedBufferChurn() {}

    /** Three rounds of {@code System.gc()} followed by 256 small direct buffers of {@link #SENTINEL}. */
    public static void run() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            List<ByteBuffer> fill = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(256).order(ByteOrder.nativeOrder());
                while (b.remaining() >= Float.BYTES) {
                    b.putFloat(SENTINEL);
                }
                fill.add(b);
            }
            fill.clear();
        }
    }
}
