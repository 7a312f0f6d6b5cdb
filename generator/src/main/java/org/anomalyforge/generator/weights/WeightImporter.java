package org.anomalyforge.generator.weights;

import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.TensorInfo;

/**
 * Loads one safetensors file into an initialised model, by registry name (seas.md §10.3).
 *
 * <p>Every check runs before any value is copied: each file key is mapped by {@link Component#registryName}; then
 * missing keys, unknown keys (STRICT), two file keys for one parameter (e.g. both {@code query} and {@code to_q}),
 * shape mismatches and non-float dtypes are all collected and reported together in a {@link WeightImportException}.
 * A VAE attention weight stored as [C, C, 1, 1] for a [C, C] parameter is squeezed (legacy LDM layout). Values are
 * then read one tensor at a time through the ingest codec (F16/BF16/F64 → F32 in Java) and copied into the
 * parameter arrays, so peak extra memory is one tensor.
 */
public final class WeightImporter {

    private WeightImporter() {
    }

    /**
     * @param model     an initialised model (e.g. via {@code ModelInitialization.zeros})
     * @param component which key mapping applies
     * @param file      the safetensors file
     * @param mode      STRICT rejects unknown keys; LENIENT skips and reports them
     */
    public static ImportReport importFile(ModuleBlock model, Component component, Path file, ImportMode mode)
            throws IOException {
        Map<String, Parameter> params = ParameterRegistry.parameters(model);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Plan plan = plan(params, component, st.tensors(), mode);
            if (!plan.problems.isEmpty()) {
                throw new WeightImportException(file, plan.problems);
            }
            long values = 0;
            for (Map.Entry<String, TensorInfo> e : plan.sources.entrySet()) {
                Parameter p = params.get(e.getKey());
                float[] data = st.readFloats(e.getValue().name());
                p.getArray().set(data);
                values += data.length;
            }
            return new ImportReport(file, component, plan.sources.size(), values, plan.dropped, plan.unknown);
        }
    }

    /** The mapping file tensor → parameter, and every problem found. */
    private record Plan(Map<String, TensorInfo> sources, List<String> dropped, List<String> unknown,
            List<String> problems) {
    }

    private static Plan plan(Map<String, Parameter> params, Component component, List<TensorInfo> tensors,
            ImportMode mode) {
        Map<String, TensorInfo> sources = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (TensorInfo t : tensors) {
            Optional<String> mapped = component.registryName(t.name());
            if (mapped.isEmpty()) {
                dropped.add(t.name());
                continue;
            }
            String name = mapped.get();
            Parameter p = params.get(name);
            if (p == null) {
                unknown.add(t.name());
                if (mode == ImportMode.STRICT) {
                    problems.add("unknown key " + t.name() + " " + Arrays.toString(t.shape()) + " (no parameter "
                            + name + " in the " + component.label() + ")");
                }
                continue;
            }
            TensorInfo previous = sources.put(name, t);
            if (previous != null) {
                problems.add("keys " + previous.name() + " and " + t.name() + " both supply " + name
                        + "; a file may use only one spelling");
                continue;
            }
            if (!t.dtype().isFloatingPoint()) {
                problems.add("key " + t.name() + " has dtype " + t.dtype().fileName() + "; parameters need F32, F16,"
                        + " BF16 or F64");
            }
            long[] expected = p.getShape().getShape();
            if (!Arrays.equals(expected, t.shape()) && !isSqueezable(expected, t.shape())) {
                problems.add("wrong shape for " + name + ": expected " + Arrays.toString(expected) + ", file has "
                        + Arrays.toString(t.shape()) + " (key " + t.name() + ")");
            }
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            if (!sources.containsKey(e.getKey())) {
                problems.add("missing key " + e.getKey() + " (expected " + Arrays.toString(e.getValue().getShape()
                        .getShape()) + ")");
            }
        }
        return new Plan(sources, dropped, unknown, problems);
    }

    /** [C, C, 1, 1] in the file for a [C, C] parameter: the 1×1-conv layout of a linear map. */
    private static boolean isSqueezable(long[] expected, long[] actual) {
        return expected.length == 2 && actual.length == 4 && actual[0] == expected[0] && actual[1] == expected[1]
                && actual[2] == 1 && actual[3] == 1;
    }
}
