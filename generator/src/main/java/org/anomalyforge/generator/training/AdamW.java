package org.anomalyforge.generator.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;

/**
 * AdamW exactly as {@code torch.optim.AdamW} (seas.md §7.2), per parameter w with gradient g at its n-th update:
 * <pre>
 * w ← w·(1 − lr·wd);  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²
 * w ← w − lr·(m/(1−β₁ⁿ)) / (√(v/(1−β₂ⁿ)) + ε)
 * </pre>
 * fp32 moments. A parameter whose gradient is undefined (never reached by a backward pass) is skipped entirely: no
 * decay, no state update. Gradients are zeroed after the update (they then stay defined, so the skip applies only
 * to parameters no backward pass has ever reached). Moments are detached into this optimiser's own manager and every
 * temporary lives in a per-tensor sub-manager, so the native array count stays constant over steps.
 */
public final class AdamW implements AutoCloseable {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final List<ParamGroup> groups;
    private final NDManager state;
    private final Map<String, NDArray> first = new HashMap<>();
    private final Map<String, NDArray> second = new HashMap<>();
    private final Map<String, Long> updates = new HashMap<>();

    public AdamW(List<ParamGroup> groups, NDManager parent) {
        this.groups = List.copyOf(groups);
        this.state = parent.newSubManager();
    }

    /** The groups, in order. */
    public List<ParamGroup> groups() {
        return groups;
    }

    /** Every trainable parameter of every group. */
    public List<Parameter> parameters() {
        return groups.stream().flatMap(g -> g.parameters().values().stream()).toList();
    }

    /**
     * One update of every parameter with a defined gradient; {@code lrFactor} scales each group's base rate (the
     * schedule). Call with grad mode off, outside any GradientCollector.
     */
    public void step(double lrFactor) {
        for (ParamGroup group : groups) {
            double lr = group.learningRate() * lrFactor;
            for (Map.Entry<String, Parameter> e : group.parameters().entrySet()) {
                update(e.getKey(), e.getValue().getArray(), lr, group.weightDecay());
            }
        }
    }

    private void update(String key, NDArray w, double lr, double wd) {
        PtNDArray grad = JniUtils.getGradient((PtNDArray) w);
        if (grad == null) {
            return;                                                     // no gradient reached w: skipped entirely
        }
        long n = updates.merge(key, 1L, Long::sum);
        NDArray m = first.get(key);
        NDArray v = second.get(key);
        if (m == null) {
            m = w.zerosLike();
            m.attach(state);
            first.put(key, m);
            v = w.zerosLike();
            v.attach(state);
            second.put(key, v);
        }
        // Only in-place ops on w, m, v; every temporary comes from grad or an owned copy attached to tmp. (tempAttach
        // of w, m or v to a descendant of their own manager corrupted memory in DJL 0.36: NaN weights after ~60
        // steps, depending on allocation order.)
        try (NDManager tmp = state.newSubManager()) {
            grad.attach(tmp);
            if (wd != 0) {
                w.muli((float) (1 - lr * wd));
            }
            m.muli((float) BETA1).addi(grad.mul((float) (1 - BETA1)));
            v.muli((float) BETA2).addi(grad.square().mul((float) (1 - BETA2)));
            double c1 = 1 - Math.pow(BETA1, n);
            double c2 = 1 - Math.pow(BETA2, n);
            NDArray scaled = v.duplicate();
            scaled.attach(tmp);
            NDArray denominator = scaled.divi((float) c2).sqrt().addi((float) EPSILON);
            NDArray update = m.duplicate();
            update.attach(tmp);
            update.divi(denominator).muli((float) (lr / c1));
            w.subi(update);
        }
        JniUtils.zeroGrad((PtNDArray) w);
    }

    /** Updates taken by parameter {@code key} (0 if never updated). */
    public long updates(String key) {
        return updates.getOrDefault(key, 0L);
    }

    /** Writes the moments as {@code m.<key>} / {@code v.<key>} and the update counts as {@code n.<key>} (I64). */
    public void save(Path file) throws IOException {
        SafetensorsWriter writer = new SafetensorsWriter();
        for (String key : new java.util.TreeSet<>(first.keySet())) {
            long[] shape = first.get(key).getShape().getShape();
            writer.addFloats("m." + key, shape, first.get(key).toFloatArray());
            writer.addFloats("v." + key, shape, second.get(key).toFloatArray());
            writer.addLongs("n." + key, new long[] {1}, new long[] {updates.get(key)});
        }
        writer.metadata(Map.of("format", "pt", "content", "torch.optim.AdamW exp_avg/exp_avg_sq/step")).write(file);
    }

    /** Replaces the state with that of {@code file}; every key must belong to a group with the parameter's shape. */
    public void load(Path file) throws IOException {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        groups.forEach(g -> byKey.putAll(g.parameters()));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Map<String, NDArray> m = new HashMap<>();
            Map<String, NDArray> v = new HashMap<>();
            Map<String, Long> n = new HashMap<>();
            for (var t : st.tensors()) {
                String name = t.name();
                String key = name.substring(2);
                Parameter p = byKey.get(key);
                if (p == null || name.charAt(1) != '.') {
                    throw new IOException(file + ": tensor '" + name + "' is not m./v./n. of a trainable parameter");
                }
                long[] expected = p.getArray().getShape().getShape();
                switch (name.charAt(0)) {
                    case 'm', 'v' -> {
                        if (!Arrays.equals(expected, t.shape())) {
                            throw new IOException(file + ": tensor '" + name + "' must have shape "
                                    + Arrays.toString(expected) + ", got " + Arrays.toString(t.shape()));
                        }
                        NDArray a = state.create(st.readFloats(name), p.getArray().getShape());
                        (name.charAt(0) == 'm' ? m : v).put(key, a);
                    }
                    case 'n' -> n.put(key, st.readLongs(name)[0]);
                    default -> throw new IOException(file + ": tensor '" + name + "' has an unknown prefix");
                }
            }
            if (!m.keySet().equals(v.keySet()) || !m.keySet().equals(n.keySet())) {
                throw new IOException(file + ": m., v. and n. tensors must cover the same parameters");
            }
            first.values().forEach(NDArray::close);
            second.values().forEach(NDArray::close);
            first.clear();
            second.clear();
            updates.clear();
            first.putAll(m);
            second.putAll(v);
            updates.putAll(n);
        }
    }

    @Override
    public void close() {
        state.close();
    }
}
