package org.anomalyforge.segmenter.lfd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.anomalyforge.ingest.safetensors.SafetensorsWriter;

/**
 * Writes LFD weights as safetensors with the original state-dict keys (spec §3.2): all 137 keys in
 * registration order, F32 parameters and I64 scalar {@code num_batches_tracked} counters, so the file
 * loads into the PyTorch module with strict key checking.
 */
public final class LfdWeightsExporter {

    /** Metadata entry PyTorch's safetensors writer adds. */
    public static final Map<String, String> FORMAT_METADATA = Map.of("format", "pt");

    private LfdWeightsExporter() {
    }

    /**
     * Exports every registered tensor.
     *
     * @param weights        registry of an initialised network
     * @param file           target file (written atomically)
     * @param optimizerSteps value of every {@code num_batches_tracked}: the run's optimiser step count, ≥ 0
     * @param metadata       extra {@code __metadata__} entries (e.g. run id); {@code format=pt} is always added
     * @throws IOException if the file cannot be written
     */
    public static void export(LfdWeights weights, Path file, long optimizerSteps, Map<String, String> metadata)
            throws IOException {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(metadata, "metadata");
        if (optimizerSteps < 0) {
            throw new IllegalArgumentException("optimizerSteps must be ≥ 0, got " + optimizerSteps);
        }
        SafetensorsWriter writer = new SafetensorsWriter();
        for (String key : weights.stateDictKeys()) {
            if (weights.isBatchCounter(key)) {
                writer.addLongs(key, new long[0], new long[] {optimizerSteps});     // int64 scalar, shape ()
            } else {
                WeightEntry e = weights.entry(key);
                var array = TensorCopy.array(key, e.parameter());
                writer.addFloats(key, array.getShape().getShape(), array.toFloatArray());
            }
        }
        Map<String, String> all = new LinkedHashMap<>(FORMAT_METADATA);
        all.putAll(metadata);
        writer.metadata(all).write(file);
    }
}
