package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;
import org.anomalyforge.ingest.safetensors.TensorInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Saves and loads the parameters of an initialised block as safetensors under their dotted names
 * ({@link DottedParameters}). Loading is strict: every parameter must be present with its exact shape, no
 * other tensor may be present, and all values must be finite; every error names the key and the file.
 */
public final class ParameterFiles {

    private ParameterFiles() {}

    /** Every parameter's values by dotted name, as F32 copies (row-major). */
    public static Map<String, float[]> snapshot(Block block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        DottedParameters.of(block).forEach((name, p) -> out.put(name, initialised(name, p).toFloatArray()));
        return out;
    }

    /** Writes every parameter as F32 to {@code file} (atomically), with {@code metadata} in the header. */
    public static void write(Block block, Path file, Map<String, String> metadata) throws IOException {
        SafetensorsWriter writer = new SafetensorsWriter().metadata(metadata);
        for (Map.Entry<String, Parameter> e : DottedParameters.of(block).entrySet()) {
            NDArray a = initialised(e.getKey(), e.getValue());
            writer.addFloats(e.getKey(), a.getShape().getShape(), a.toFloatArray());
        }
        writer.write(file);
    }

    /** Copies named values (e.g. a {@link #snapshot}) into the block's parameters, checking names and sizes. */
    public static void restore(Block block, Map<String, float[]> values) {
        Map<String, Parameter> params = DottedParameters.of(block);
        if (!params.keySet().equals(values.keySet())) {
            TreeSet<String> missing = new TreeSet<>(params.keySet());
            missing.removeAll(values.keySet());
            TreeSet<String> extra = new TreeSet<>(values.keySet());
            extra.removeAll(params.keySet());
            throw new IllegalArgumentException("parameter names differ: missing " + missing + ", unexpected " + extra);
        }
        params.forEach((name, p) -> {
            NDArray a = initialised(name, p);
            float[] v = values.get(name);
            if (v.length != a.size()) {
                throw new IllegalArgumentException("parameter '" + name + "' has " + a.size() + " values, got "
                        + v.length);
            }
            a.set(v);
        });
    }

    /**
     * Loads every parameter of {@code block} from {@code file}.
     *
     * @throws SafetensorsFormatException naming the key: missing, unexpected, wrong shape, non-float or
     *                                    non-finite tensor
     */
    public static void read(Block block, Path file) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Map<String, Parameter> params = DottedParameters.of(block);
            TreeSet<String> unexpected = new TreeSet<>();
            for (TensorInfo t : st.tensors()) {
                if (!params.containsKey(t.name())) {
                    unexpected.add(t.name());
                }
            }
            if (!unexpected.isEmpty()) {
                throw new SafetensorsFormatException(file, "unexpected tensor(s) " + unexpected);
            }
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                TensorInfo info = st.find(e.getKey()).orElseThrow(() -> new SafetensorsFormatException(file,
                        "missing tensor '" + e.getKey() + "'"));
                NDArray target = initialised(e.getKey(), e.getValue());
                if (!info.dtype().isFloatingPoint()) {
                    throw new SafetensorsFormatException(file, "tensor '" + e.getKey() + "' has dtype "
                            + info.dtype().fileName() + "; expected F32, F16, BF16 or F64");
                }
                if (!Arrays.equals(info.shape(), target.getShape().getShape())) {
                    throw new SafetensorsFormatException(file, "tensor '" + e.getKey() + "': expected shape "
                            + Arrays.toString(target.getShape().getShape()) + ", got " + Arrays.toString(info.shape()));
                }
                float[] v = st.readFloats(e.getKey());
                requireFinite(file, e.getKey(), v);
                target.set(v);
            }
        }
    }

    /** Throws naming {@code key} and the first index if {@code values} holds NaN or ±∞. */
    public static void requireFinite(Path file, String key, float[] values) throws SafetensorsFormatException {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new SafetensorsFormatException(file, "tensor '" + key + "' element " + i
                        + " is not finite: " + values[i]);
            }
        }
    }

    private static NDArray initialised(String name, Parameter p) {
        if (!p.isInitialized()) {
            throw new IllegalStateException("parameter '" + name + "' is not initialised; initialise the block first");
        }
        return p.getArray();
    }
}
