package org.anomalyforge.generator.unet;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.config.UNetConfig;
import org.anomalyforge.generator.nn.Attention;
import org.anomalyforge.generator.nn.AttentionCapture;
import org.anomalyforge.generator.nn.AttentionProcessor;
import org.anomalyforge.generator.nn.AttentionProcessors;
import org.anomalyforge.generator.nn.CapturingAttentionProcessor;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * Computes the DA maps of seas.md §7.4 during one U-Net call: installs a {@link CapturingAttentionProcessor} on
 * every cross-attention layer ({@code …attn2}) of the requested blocks, restores the previous processors when the
 * call ends, and averages the recorded spatial-softmax maps over layers and heads:
 * A_r[l] = (1/(n_β·H)) Σ_ℓ Σ_h P^{ℓ,h}[:, l], reshaped row-major to r×r. Not re-entrant (one call at a time).
 */
final class DaMapRecorder {

    private final UNet2DConditionModel unet;

    DaMapRecorder(UNet2DConditionModel unet) {
        this.unet = unet;
    }

    /** Begins recording for one call; close the session in a finally block. */
    Session start(UNetTapRequest request) {
        return new Session(request);
    }

    /** The cross-attention layer names of down block i (…attn2), in order. */
    List<String> downLayers(int block) {
        return crossLayers("down_blocks." + block + ".");
    }

    /** The cross-attention layer names of up block u (…attn2), in order. */
    List<String> upLayers(int block) {
        return crossLayers("up_blocks." + block + ".");
    }

    private List<String> crossLayers(String prefix) {
        List<String> out = new ArrayList<>();
        for (String name : AttentionProcessors.layers(unet).keySet()) {
            if (name.startsWith(prefix) && name.endsWith(".attn2")) {
                out.add(name);
            }
        }
        return out;
    }

    private int downBlockAt(int resolution) {
        UNetConfig c = unet.config();
        for (int i = 0; i < c.levels(); i++) {
            if (c.downBlockResolution(i) == resolution && c.downBlockTypes().get(i).hasCrossAttention()) {
                return i;
            }
        }
        throw new IllegalArgumentException("DA resolution " + resolution + " is not the resolution of a cross-attention"
                + " down block (r0 = " + c.sampleSize() + ", types " + c.downBlockTypes() + ")");
    }

    private int upBlockAt(int resolution) {
        UNetConfig c = unet.config();
        int n = c.levels();
        for (int u = 0; u < n; u++) {
            if ((c.sampleSize() >> (n - 1 - u)) == resolution && c.upBlockTypes().get(u).hasCrossAttention()) {
                return u;
            }
        }
        throw new IllegalArgumentException("DA resolution " + resolution + " has no cross-attention up block for"
                + " DOWN_AND_UP (types " + c.upBlockTypes() + ")");
    }

    /** One call's recording: processors installed at construction, restored by {@link #close()}. */
    final class Session implements AutoCloseable {
        private final Map<Integer, List<CapturingAttentionProcessor>> down = new LinkedHashMap<>();
        private final Map<Integer, List<CapturingAttentionProcessor>> up = new LinkedHashMap<>();
        private final Map<Attention, AttentionProcessor> previous = new LinkedHashMap<>();

        private Session(UNetTapRequest request) {
            if (!request.wantsDaMaps()) {
                return;
            }
            Map<String, Attention> layers = AttentionProcessors.layers(unet);
            int[] tokens = request.daTokens();
            try {
                for (int r : request.daResolutions()) {
                    down.put(r, install(layers, downLayers(downBlockAt(r)), tokens));
                    if (request.source() == DaMapSource.DOWN_AND_UP) {
                        up.put(r, install(layers, upLayers(upBlockAt(r)), tokens));
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private List<CapturingAttentionProcessor> install(Map<String, Attention> layers, List<String> names,
                int[] tokens) {
            List<CapturingAttentionProcessor> out = new ArrayList<>();
            for (String name : names) {
                Attention layer = layers.get(name);
                CapturingAttentionProcessor p = new CapturingAttentionProcessor(name, tokens);
                previous.putIfAbsent(layer, layer.processor());
                layer.setProcessor(p);
                out.add(p);
            }
            return out;
        }

        /** r → A_r [B, T, side, side] (½(down + up) for DOWN_AND_UP). */
        Map<Integer, NDArray> maps() {
            Map<Integer, NDArray> out = new LinkedHashMap<>();
            for (Map.Entry<Integer, List<CapturingAttentionProcessor>> e : down.entrySet()) {
                NDArray a = average(e.getValue());
                List<CapturingAttentionProcessor> upProcessors = up.get(e.getKey());
                if (upProcessors != null) {
                    a = ScalarOps.mul(a.add(average(upProcessors)), 0.5);
                }
                out.put(e.getKey(), a);
            }
            return out;
        }

        /** Mean over layers and heads of P [B, H, N, T] → [B, T, side, side]. */
        private NDArray average(List<CapturingAttentionProcessor> processors) {
            NDArray sum = null;
            int count = 0;
            for (CapturingAttentionProcessor p : processors) {
                for (AttentionCapture c : p.captures()) {
                    NDArray m = c.spatialMaps();
                    sum = sum == null ? m : sum.add(m);
                    count++;
                }
            }
            if (sum == null) {
                throw new IllegalStateException("no cross-attention call was recorded in " + processors.size()
                        + " layers");
            }
            NDArray mean = ScalarOps.div(sum.mean(new int[] {1}), count);           // [B, N, T]
            long b = mean.getShape().get(0);
            long n = mean.getShape().get(1);
            long t = mean.getShape().get(2);
            long side = Math.round(Math.sqrt(n));
            return mean.transpose(0, 2, 1).reshape(b, t, side, side);
        }

        @Override
        public void close() {
            previous.forEach(Attention::setProcessor);
            previous.clear();
        }
    }
}
