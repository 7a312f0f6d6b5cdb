package org.anomalyforge.segmenter.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;
import org.anomalyforge.ingest.safetensors.TensorInfo;
import org.anomalyforge.segmenter.inference.GradMode;
import org.anomalyforge.segmenter.lfd.LfdWeights;
import org.anomalyforge.segmenter.lfd.WeightEntry;

/**
 * {@code torch.optim.SGD} with momentum, exactly (LFD spec §5.5, DJL cookbook §4): per trainable tensor
 * g = grad + λ·w, buf = μ·buf + g (buf = g at the first step), w −= lr·buf; no dampening or Nesterov.
 * DJL's own SGD keeps lr inside the buffer, which differs from PyTorch as soon as the cosine changes lr,
 * so this class is used instead of a DJL {@code Trainer}.
 *
 * <p>Weight decay applies to all 77 trainable tensors (BN γ/β and biases included). Momentum buffers are
 * keyed by the original state-dict key, detached into this optimiser's own manager (a child of the
 * model's), and saved as {@code momentum.<key>} (§5.8). Every temporary of an update lives in a per-tensor
 * sub-manager, so the number of live native arrays stays constant over iterations.
 */
public final class MomentumSgd implements AutoCloseable {

    /** Prefix of the buffer keys in {@code optimizer-<e>.safetensors}. */
    public static final String KEY_PREFIX = "momentum.";
    /** μ. */
    public static final float MOMENTUM = 0.9f;
    /** λ. */
    public static final float WEIGHT_DECAY = 1e-4f;

    private final List<WeightEntry> trainable;
    private final NDManager buffers;
    private final Map<String, NDArray> momentum = new LinkedHashMap<>();

    /**
     * @param weights the network's registry (the parameters must be initialised)
     * @param parent  the model's manager; the buffers live in a child of it
     */
    public MomentumSgd(LfdWeights weights, NDManager parent) {
        Objects.requireNonNull(weights, "weights");
        List<WeightEntry> list = new ArrayList<>();
        for (WeightEntry e : weights.parameters().values()) {
            if (e.parameter().requiresGradient()) {
                list.add(e);
            }
        }
        this.trainable = List.copyOf(list);
        this.buffers = parent.newSubManager();
    }

    /** The trainable tensors, in registration order (77 for LFD). */
    public List<WeightEntry> trainable() {
        return trainable;
    }

    /**
     * One update of every trainable tensor with the gradients accumulated since the last step, then
     * zeroes them. Call outside any {@code GradientCollector} (grad mode off), so in-place writes are
     * not recorded.
     *
     * @param lr learning rate of this step
     */
    public void step(float lr) {
        GradMode.off();      // thread-local in libtorch, on by default on a new thread
        for (WeightEntry e : trainable) {
            NDArray w = e.parameter().getArray();
            try (NDManager tmp = buffers.newSubManager()) {
                NDArray grad = w.getGradient();                    // view of .grad, new handle: dies with tmp
                grad.attach(tmp);
                w.tempAttach(tmp);                                 // results of ops on w land in tmp
                NDArray g = grad.add(w.mul(WEIGHT_DECAY));         // g + λ·w
                NDArray buf = momentum.get(e.key());
                if (buf == null) {
                    buf = g.duplicate();
                    buf.attach(buffers);
                    momentum.put(e.key(), buf);
                } else {
                    buf.muli(MOMENTUM).addi(g);
                }
                buf.tempAttach(tmp);
                w.subi(buf.mul(lr));
            }
            JniUtils.zeroGrad((PtNDArray) w);
        }
    }

    /** Number of momentum buffers (0 before the first step, then 77). */
    public int bufferCount() {
        return momentum.size();
    }

    /** Writes the buffers as {@code momentum.<key>} F32 tensors (atomically). */
    public void save(Path file) throws IOException {
        SafetensorsWriter writer = new SafetensorsWriter();
        for (Map.Entry<String, NDArray> b : momentum.entrySet()) {
            writer.addFloats(KEY_PREFIX + b.getKey(), b.getValue().getShape().getShape(), b.getValue().toFloatArray());
        }
        writer.metadata(Map.of("format", "pt", "content", "torch.optim.SGD momentum_buffer")).write(file);
    }

    /**
     * Replaces the buffers with those of {@code file}; either none or all 77 must be present with the
     * parameter's shape.
     */
    public void load(Path file) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            List<TensorInfo> tensors = st.tensors();
            if (!tensors.isEmpty() && tensors.size() != trainable.size()) {
                throw new SafetensorsFormatException(file, "expected 0 or " + trainable.size()
                        + " momentum tensors, got " + tensors.size());
            }
            Map<String, NDArray> loaded = new LinkedHashMap<>();
            for (TensorInfo t : tensors) {
                if (!t.name().startsWith(KEY_PREFIX)) {
                    throw new SafetensorsFormatException(file, "tensor '" + t.name() + "' lacks the prefix " + KEY_PREFIX);
                }
                WeightEntry e = findTrainable(t.name().substring(KEY_PREFIX.length()), file);
                long[] expected = e.parameter().getArray().getShape().getShape();
                if (!Arrays.equals(expected, t.shape())) {
                    throw new SafetensorsFormatException(file, "tensor '" + t.name() + "': expected shape "
                            + Arrays.toString(expected) + ", got " + Arrays.toString(t.shape()));
                }
                NDArray buf = buffers.create(st.readFloats(t.name()), e.parameter().getArray().getShape());
                loaded.put(e.key(), buf);
            }
            momentum.values().forEach(NDArray::close);
            momentum.clear();
            for (WeightEntry e : trainable) {
                NDArray b = loaded.get(e.key());
                if (b != null) {
                    momentum.put(e.key(), b);
                }
            }
        }
    }

    private WeightEntry findTrainable(String key, Path file) throws SafetensorsFormatException {
        for (WeightEntry e : trainable) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        throw new SafetensorsFormatException(file, "momentum key '" + key + "' is not a trainable LFD tensor");
    }

    /** Releases the buffers. */
    @Override
    public void close() {
        buffers.close();
    }
}
