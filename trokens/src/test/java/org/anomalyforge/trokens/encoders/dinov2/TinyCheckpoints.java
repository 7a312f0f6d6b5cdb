package org.anomalyforge.trokens.encoders.dinov2;

import org.anomalyforge.ingest.safetensors.SafetensorsWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Random tiny DINOv2 checkpoints (D 32, depth 2) written under original and Hugging Face names. */
final class TinyCheckpoints {

    /** D 32, depth 2, 2 heads, MLP 128, 5×5 published positions, 16×16 output grid. */
    static final Dinov2Config TINY = new Dinov2Config("tiny", 32, 2, 2, 128, 14, 5, 16, 1e-6f);

    private TinyCheckpoints() {}

    /**
     * Random values in the original layout (with mask_token), LayerNorm γ near 1 so activations stay sane,
     * quantised to multiples of 1/128.
     */
    static Map<String, float[]> randomOriginal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, float[]> out = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>(Dinov2Naming.ORIGINAL.expectedShapes(TINY));
        shapes.put("mask_token", new long[] {1, 32});
        shapes.forEach((k, s) -> {
            long n = 1;
            for (long d : s) {
                n *= d;
            }
            float[] v = new float[(int) n];
            boolean gamma = k.endsWith("norm1.weight") || k.endsWith("norm2.weight") || k.equals("norm.weight");
            for (int i = 0; i < v.length; i++) {
                // multiples of 1/128 in (−2, 2) are exact in F16 and BF16, so half files import to equal values
                double x = Math.max(-1.9, Math.min(1.9, (gamma ? 1 : 0) + 0.1 * r.nextGaussian()));
                v[i] = Math.round(x * 128) / 128f;
            }
            out.put(k, v);
        });
        return out;
    }

    static void writeOriginal(Map<String, float[]> values, Path file) throws IOException {
        SafetensorsWriter w = new SafetensorsWriter();
        Map<String, long[]> shapes = new LinkedHashMap<>(Dinov2Naming.ORIGINAL.expectedShapes(TINY));
        shapes.put("mask_token", new long[] {1, 32});
        shapes.forEach((k, s) -> w.addFloats(k, s, values.get(k)));
        w.write(file);
    }

    /** The same values under HF names with the {@code dinov2.} prefix, as BF16 if {@code half}, plus a classifier. */
    static void writeHuggingFace(Map<String, float[]> v, Path file, boolean half) throws IOException {
        SafetensorsWriter w = new SafetensorsWriter();
        Put put = (k, s, values) -> {
            if (half) {
                w.addBf16("dinov2." + k, s, values);
            } else {
                w.addFloats("dinov2." + k, s, values);
            }
        };
        put.put("embeddings.cls_token", new long[] {1, 1, 32}, v.get("cls_token"));
        put.put("embeddings.mask_token", new long[] {1, 32}, v.get("mask_token"));
        put.put("embeddings.position_embeddings", new long[] {1, 26, 32}, v.get("pos_embed"));
        put.put("embeddings.patch_embeddings.projection.weight", new long[] {32, 3, 14, 14},
                v.get("patch_embed.proj.weight"));
        put.put("embeddings.patch_embeddings.projection.bias", new long[] {32}, v.get("patch_embed.proj.bias"));
        for (int i = 0; i < 2; i++) {
            String o = "blocks." + i + ".";
            String h = "encoder.layer." + i + ".";
            for (String n : new String[] {"norm1", "norm2"}) {
                put.put(h + n + ".weight", new long[] {32}, v.get(o + n + ".weight"));
                put.put(h + n + ".bias", new long[] {32}, v.get(o + n + ".bias"));
            }
            float[] qkvW = v.get(o + "attn.qkv.weight");
            float[] qkvB = v.get(o + "attn.qkv.bias");
            String[] parts = {"query", "key", "value"};
            for (int p = 0; p < 3; p++) {
                put.put(h + "attention.attention." + parts[p] + ".weight", new long[] {32, 32},
                        java.util.Arrays.copyOfRange(qkvW, p * 1024, (p + 1) * 1024));
                put.put(h + "attention.attention." + parts[p] + ".bias", new long[] {32},
                        java.util.Arrays.copyOfRange(qkvB, p * 32, (p + 1) * 32));
            }
            put.put(h + "attention.output.dense.weight", new long[] {32, 32}, v.get(o + "attn.proj.weight"));
            put.put(h + "attention.output.dense.bias", new long[] {32}, v.get(o + "attn.proj.bias"));
            put.put(h + "layer_scale1.lambda1", new long[] {32}, v.get(o + "ls1.gamma"));
            put.put(h + "layer_scale2.lambda1", new long[] {32}, v.get(o + "ls2.gamma"));
            put.put(h + "mlp.fc1.weight", new long[] {128, 32}, v.get(o + "mlp.fc1.weight"));
            put.put(h + "mlp.fc1.bias", new long[] {128}, v.get(o + "mlp.fc1.bias"));
            put.put(h + "mlp.fc2.weight", new long[] {32, 128}, v.get(o + "mlp.fc2.weight"));
            put.put(h + "mlp.fc2.bias", new long[] {32}, v.get(o + "mlp.fc2.bias"));
        }
        put.put("layernorm.weight", new long[] {32}, v.get("norm.weight"));
        put.put("layernorm.bias", new long[] {32}, v.get("norm.bias"));
        w.addFloats("classifier.weight", new long[] {3, 64}, new float[192]);
        w.write(file);
    }

    @FunctionalInterface
    private interface Put {
        void put(String key, long[] shape, float[] values);
    }
}
