package org.anomalyforge.segmenter.lfd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.TensorInfo;

/**
 * Reads LFD weights saved with the original state-dict keys (spec §3.2) into an initialised network.
 *
 * <p>A leading {@code module.} is stripped. F32 is read as is; F16, BF16 and F64 are converted to F32.
 * All 117 mapped keys must be present with their exact shapes; {@code num_batches_tracked} is ignored.
 * Unknown keys fail the import (strict, the default) or are logged and skipped (lenient). Every check runs
 * before the first parameter is written, so a refused file leaves the network unchanged.
 */
public final class LfdWeightsImporter {

    private static final System.Logger LOG = System.getLogger(LfdWeightsImporter.class.getName());

    private final boolean lenient;

    private LfdWeightsImporter(boolean lenient) {
        this.lenient = lenient;
    }

    /** Unknown keys fail the import. */
    public static LfdWeightsImporter strict() {
        return new LfdWeightsImporter(false);
    }

    /** Unknown keys are logged and skipped. */
    public static LfdWeightsImporter lenient() {
        return new LfdWeightsImporter(true);
    }

    /**
     * What an import did.
     *
     * @param loaded      number of parameters written (117)
     * @param skippedKeys unknown file keys skipped in lenient mode, in file order
     */
    public record ImportReport(int loaded, List<String> skippedKeys) {
        /** Copies the list. */
        public ImportReport {
            skippedKeys = List.copyOf(skippedKeys);
        }
    }

    /**
     * Imports {@code file} into the parameters of {@code weights}.
     *
     * @param weights registry of an initialised network
     * @param file    safetensors file with original keys
     * @return loaded count and skipped keys
     * @throws SafetensorsFormatException for a malformed file, a missing key, a wrong shape or dtype, a
     *                                    duplicate after stripping {@code module.}, or (strict) unknown keys
     * @throws IOException                if the file cannot be read
     */
    public ImportReport importFile(LfdWeights weights, Path file) throws IOException {
        Objects.requireNonNull(weights, "weights");
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Map<String, TensorInfo> byKey = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (TensorInfo t : st.tensors()) {
                String key = TensorCopy.stripWrapper(t.name());
                TensorInfo previous = byKey.put(key, t);
                if (previous != null) {
                    throw new SafetensorsFormatException(file, "tensors '" + previous.name() + "' and '" + t.name()
                            + "' both map to key '" + key + "'");
                }
                if (!weights.stateDictKeys().contains(key)) {
                    unknown.add(t.name());
                }
            }
            if (!unknown.isEmpty() && !lenient) {
                throw new SafetensorsFormatException(file, unknown.size() + " unknown key(s) for LFD (strict import): "
                        + unknown);
            }
            List<String> missing = new ArrayList<>();
            for (WeightEntry e : weights.parameters().values()) {
                TensorInfo t = byKey.get(e.key());
                if (t == null) {
                    missing.add(e.key());
                } else {
                    TensorCopy.check(st, t, e.key(), e.parameter());
                }
            }
            if (!missing.isEmpty()) {
                throw new SafetensorsFormatException(file, missing.size() + " LFD key(s) missing: " + missing);
            }
            for (WeightEntry e : weights.parameters().values()) {
                TensorCopy.copy(st, byKey.get(e.key()), e.key(), e.parameter());
            }
            if (!unknown.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "{0}: skipped {1} unknown key(s) (lenient import): {2}",
                        file, unknown.size(), unknown);
            }
            return new ImportReport(weights.parameters().size(), unknown);
        }
    }
}
