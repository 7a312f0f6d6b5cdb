package org.anomalyforge.trokens.encoders.dinov2;

import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.TensorInfo;
import org.anomalyforge.trokens.model.nn.ParameterFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Imports a user-supplied DINOv2 safetensors checkpoint (spec §6.2) in Hugging Face or original naming.
 *
 * <p>Verification, all before any value is read, every failure naming the file and key: a leading
 * {@code dinov2.} is stripped; register tokens and SwiGLU blocks are rejected; classifier keys are ignored
 * with a warning; D is inferred from the patch-embedding weight and the depth from the block indices, and
 * only accepted configurations pass; every expected key must be present with its exact shape and no key may
 * be left over; the parameter total must equal {@link Dinov2Config#parameterCount}. Values are then read as
 * F32 (F16/BF16 widened by the ingest reader), refused if non-finite, HF q/k/v fused into {@code qkv}, and the
 * position table resized to the encoder grid.
 */
public final class Dinov2Importer {

    private static final System.Logger LOG = System.getLogger(Dinov2Importer.class.getName());
    private static final String PREFIX = "dinov2.";

    private final List<Dinov2Config> accepted;

    /** Accepts the published ViT-S/14 and ViT-B/14 architectures. */
    public Dinov2Importer() {
        this(List.of(Dinov2Config.vitS14(), Dinov2Config.vitB14()));
    }

    /** Accepts exactly {@code accepted} (tests use a tiny configuration). */
    public Dinov2Importer(List<Dinov2Config> accepted) {
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("accepted configurations must not be empty");
        }
        this.accepted = List.copyOf(accepted);
    }

    /** Reads and verifies {@code file}; see the class comment for the rules. */
    public ImportedDinov2 read(Path file) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Map<String, String> byKey = stripPrefix(file, st);
            Dinov2Naming naming = naming(file, byKey);
            rejectUnsupportedVariants(file, byKey);
            Dinov2Config config = configuration(file, st, byKey, naming);
            Map<String, long[]> expected = naming.expectedShapes(config);
            checkKeys(file, st, byKey, naming, expected);
            boolean hasMask = byKey.containsKey(naming.maskTokenKey());
            long total = expected.values().stream().mapToLong(s -> Arrays.stream(s).reduce(1, (a, b) -> a * b)).sum()
                    + (hasMask ? config.width() : 0);
            if (total != config.parameterCount(hasMask)) {
                throw new SafetensorsFormatException(file, "parameter total " + total + " differs from the "
                        + config.variant() + " table value " + config.parameterCount(hasMask));
            }
            Map<String, float[]> weights = convert(file, st, byKey, naming, config, expected);
            return new ImportedDinov2(config.withPositionGrid(config.gridSize()), weights, naming, total);
        }
    }

    /** Source key (prefix stripped) → file key; classifier keys dropped with a warning. */
    private static Map<String, String> stripPrefix(Path file, SafetensorsFile st) throws SafetensorsFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        TreeSet<String> ignored = new TreeSet<>();
        for (TensorInfo t : st.tensors()) {
            String key = t.name().startsWith(PREFIX) ? t.name().substring(PREFIX.length()) : t.name();
            if (key.startsWith("classifier.") || key.startsWith("head.")) {
                ignored.add(t.name());
                continue;
            }
            if (out.put(key, t.name()) != null) {
                throw new SafetensorsFormatException(file, "key '" + key + "' appears with and without the '"
                        + PREFIX + "' prefix");
            }
        }
        if (!ignored.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: ignoring classifier keys {1}", file, ignored);
        }
        return out;
    }

    private static Dinov2Naming naming(Path file, Map<String, String> byKey) throws SafetensorsFormatException {
        for (Dinov2Naming n : Dinov2Naming.values()) {
            if (byKey.containsKey(n.patchWeightKey())) {
                return n;
            }
        }
        throw new SafetensorsFormatException(file, "not a DINOv2 checkpoint: neither '"
                + Dinov2Naming.HUGGING_FACE.patchWeightKey() + "' nor '" + Dinov2Naming.ORIGINAL.patchWeightKey()
                + "' is present");
    }

    private static void rejectUnsupportedVariants(Path file, Map<String, String> byKey)
            throws SafetensorsFormatException {
        for (String key : byKey.keySet()) {
            if (key.contains("register_tokens")) {
                throw new SafetensorsFormatException(file, "key '" + key + "': DINOv2 register variants (*_reg) are "
                        + "not supported; use a checkpoint without register tokens");
            }
            if (key.contains("mlp.w12") || key.contains("mlp.w3") || key.contains("weights_in")
                    || key.contains("weights_out")) {
                throw new SafetensorsFormatException(file, "key '" + key + "': SwiGLU blocks (ViT-g/14) are not "
                        + "supported; only ViT-S/14 and ViT-B/14 are");
            }
        }
    }

    private Dinov2Config configuration(Path file, SafetensorsFile st, Map<String, String> byKey, Dinov2Naming naming)
            throws SafetensorsFormatException {
        long[] patchShape = st.get(byKey.get(naming.patchWeightKey())).shape();
        if (patchShape.length != 4) {
            throw new SafetensorsFormatException(file, "tensor '" + naming.patchWeightKey()
                    + "' must be [D, 3, p, p], got " + Arrays.toString(patchShape));
        }
        long width = patchShape[0];
        int depth = byKey.keySet().stream().mapToInt(naming::layerIndex).max().orElse(-1) + 1;
        for (Dinov2Config c : accepted) {
            if (c.width() == width && c.depth() == depth) {
                return c;
            }
        }
        String known = accepted.stream().map(c -> c.variant() + " (D " + c.width() + ", depth " + c.depth() + ")")
                .collect(Collectors.joining(", "));
        throw new SafetensorsFormatException(file, "unsupported DINOv2 configuration: D " + width + " (from '"
                + naming.patchWeightKey() + "'), depth " + depth + "; accepted: " + known);
    }

    private static void checkKeys(Path file, SafetensorsFile st, Map<String, String> byKey, Dinov2Naming naming,
                                  Map<String, long[]> expected) throws SafetensorsFormatException {
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            String fileKey = byKey.get(e.getKey());
            if (fileKey == null) {
                throw new SafetensorsFormatException(file, "missing key '" + e.getKey() + "'");
            }
            checkTensor(file, st.get(fileKey), e.getKey(), e.getValue());
        }
        String maskKey = naming.maskTokenKey();
        if (byKey.containsKey(maskKey)) {
            long d = expected.get(naming.patchWeightKey())[0];
            checkTensor(file, st.get(byKey.get(maskKey)), maskKey, new long[] {1, d});
        }
        TreeSet<String> unknown = new TreeSet<>(byKey.keySet());
        unknown.removeAll(expected.keySet());
        unknown.remove(maskKey);
        if (!unknown.isEmpty()) {
            throw new SafetensorsFormatException(file, "unexpected key(s) " + unknown);
        }
    }

    private static void checkTensor(Path file, TensorInfo info, String key, long[] shape)
            throws SafetensorsFormatException {
        if (!info.dtype().isFloatingPoint()) {
            throw new SafetensorsFormatException(file, "key '" + key + "' has dtype " + info.dtype().fileName()
                    + "; expected F32, F16 or BF16");
        }
        if (!Arrays.equals(info.shape(), shape)) {
            throw new SafetensorsFormatException(file, "key '" + key + "': expected shape " + Arrays.toString(shape)
                    + ", got " + Arrays.toString(info.shape()));
        }
    }

    private static Map<String, float[]> convert(Path file, SafetensorsFile st, Map<String, String> byKey,
                                                Dinov2Naming naming, Dinov2Config config,
                                                Map<String, long[]> expected) throws IOException {
        Map<String, float[]> out = new HashMap<>();
        for (String key : expected.keySet()) {
            String ours = naming.ourName(key);
            boolean position = key.endsWith("position_embeddings") || key.equals("pos_embed");
            if (ours == null && !position) {
                continue; // HF q/k/v, fused below
            }
            float[] v = st.readFloats(byKey.get(key));
            ParameterFiles.requireFinite(file, key, v);
            if (position) {
                out.put("pos_embed", PositionEmbeddingResize.resize(v, config.positionGrid(), config.gridSize(),
                        config.width()));
            } else {
                out.put(ours, v);
            }
        }
        if (naming == Dinov2Naming.HUGGING_FACE) {
            for (int i = 0; i < config.depth(); i++) {
                String a = "encoder.layer." + i + ".attention.attention.";
                for (String part : new String[] {"weight", "bias"}) {
                    out.put("blocks." + i + ".attn.qkv." + part, concat(file, st, byKey,
                            a + "query." + part, a + "key." + part, a + "value." + part));
                }
            }
        }
        return out;
    }

    /** Rows of q, k, v stacked in that order: the fused {@code qkv} layout. */
    private static float[] concat(Path file, SafetensorsFile st, Map<String, String> byKey, String... keys)
            throws IOException {
        float[][] parts = new float[keys.length][];
        int total = 0;
        for (int i = 0; i < keys.length; i++) {
            parts[i] = st.readFloats(byKey.get(keys[i]));
            ParameterFiles.requireFinite(file, keys[i], parts[i]);
            total += parts[i].length;
        }
        float[] out = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
