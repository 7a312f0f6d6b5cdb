package org.anomalyforge.generator.weights;

import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;

/**
 * Writes a model's parameters as F32 safetensors with the registry (diffusers / transformers) names, in registry
 * order, with metadata {@code {"format": "pt", "component": …}} (seas.md §10.1).
 *
 * <p>{@link SafetensorsWriter} holds the whole file in memory before writing: fine for tiny (≈ 25 MB) and the
 * 0.5 GB text encoder; an sd14 U-Net export needs ≈ 3.5 GB of heap.
 */
public final class WeightExporter {

    private WeightExporter() {
    }

    /** Writes every parameter of {@code model} to {@code file}; returns the number of tensors written. */
    public static int export(ModuleBlock model, Component component, Path file) throws IOException {
        SafetensorsWriter writer = new SafetensorsWriter();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("component", component.label());
        writer.metadata(meta);
        int n = 0;
        for (Map.Entry<String, Parameter> e : ParameterRegistry.parameters(model).entrySet()) {
            Parameter p = e.getValue();
            writer.addFloats(e.getKey(), p.getShape().getShape(), p.getArray().toFloatArray());
            n++;
        }
        writer.write(file);
        return n;
    }
}
