package org.anomalyforge.trokens.encoders.dinov2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two checkpoint key layouts the importer accepts (spec §6.2), with the expected shape of every key for
 * a configuration. {@code mask_token} is optional in both and not listed here.
 */
public enum Dinov2Naming {

    /** Hugging Face {@code facebook/dinov2-*}: {@code embeddings.*}, {@code encoder.layer.i.*}, separate q/k/v. */
    HUGGING_FACE("embeddings.patch_embeddings.projection.weight", "embeddings.mask_token",
            Pattern.compile("^encoder\\.layer\\.(\\d+)\\.")),
    /** Original DINOv2 / timm: {@code cls_token}, {@code pos_embed}, {@code blocks.i.*}, fused qkv. */
    ORIGINAL("patch_embed.proj.weight", "mask_token", Pattern.compile("^blocks\\.(\\d+)\\."));

    private final String patchWeightKey;
    private final String maskTokenKey;
    private final Pattern layerPattern;

    Dinov2Naming(String patchWeightKey, String maskTokenKey, Pattern layerPattern) {
        this.patchWeightKey = patchWeightKey;
        this.maskTokenKey = maskTokenKey;
        this.layerPattern = layerPattern;
    }

    /** Key of the patch-embedding weight {@code [D, 3, p, p]}, from which D is inferred. */
    public String patchWeightKey() {
        return patchWeightKey;
    }

    /** Key of the optional {@code mask_token [1, D]}. */
    public String maskTokenKey() {
        return maskTokenKey;
    }

    /** The block index of {@code key}, or −1 if it is not a block key. */
    int layerIndex(String key) {
        Matcher m = layerPattern.matcher(key);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Every expected key (mask token excluded) with its shape for {@code config}, in checkpoint order. */
    public Map<String, long[]> expectedShapes(Dinov2Config config) {
        long d = config.width();
        long h = config.mlpHidden();
        long p = config.patchSize();
        Map<String, long[]> out = new LinkedHashMap<>();
        boolean hf = this == HUGGING_FACE;
        out.put(hf ? "embeddings.cls_token" : "cls_token", new long[] {1, 1, d});
        out.put(hf ? "embeddings.position_embeddings" : "pos_embed", new long[] {1, config.positionRows(), d});
        String patch = hf ? "embeddings.patch_embeddings.projection." : "patch_embed.proj.";
        out.put(patch + "weight", new long[] {d, 3, p, p});
        out.put(patch + "bias", new long[] {d});
        for (int i = 0; i < config.depth(); i++) {
            String b = hf ? "encoder.layer." + i + "." : "blocks." + i + ".";
            out.put(b + "norm1.weight", new long[] {d});
            out.put(b + "norm1.bias", new long[] {d});
            if (hf) {
                for (String qkv : new String[] {"query", "key", "value"}) {
                    out.put(b + "attention.attention." + qkv + ".weight", new long[] {d, d});
                    out.put(b + "attention.attention." + qkv + ".bias", new long[] {d});
                }
                out.put(b + "attention.output.dense.weight", new long[] {d, d});
                out.put(b + "attention.output.dense.bias", new long[] {d});
                out.put(b + "layer_scale1.lambda1", new long[] {d});
            } else {
                out.put(b + "attn.qkv.weight", new long[] {3 * d, d});
                out.put(b + "attn.qkv.bias", new long[] {3 * d});
                out.put(b + "attn.proj.weight", new long[] {d, d});
                out.put(b + "attn.proj.bias", new long[] {d});
                out.put(b + "ls1.gamma", new long[] {d});
            }
            out.put(b + "norm2.weight", new long[] {d});
            out.put(b + "norm2.bias", new long[] {d});
            out.put(b + "mlp.fc1.weight", new long[] {h, d});
            out.put(b + "mlp.fc1.bias", new long[] {h});
            out.put(b + "mlp.fc2.weight", new long[] {d, h});
            out.put(b + "mlp.fc2.bias", new long[] {d});
            out.put(b + (hf ? "layer_scale2.lambda1" : "ls2.gamma"), new long[] {d});
        }
        out.put(hf ? "layernorm.weight" : "norm.weight", new long[] {d});
        out.put(hf ? "layernorm.bias" : "norm.bias", new long[] {d});
        return out;
    }

    /**
     * Our (original-layout) name for a source key whose tensor is copied unchanged, or {@code null} for the
     * keys the importer rewrites (HF q/k/v, both position tables).
     */
    String ourName(String key) {
        if (this == ORIGINAL) {
            return key.equals("pos_embed") ? null : key;
        }
        if (key.equals("embeddings.cls_token")) {
            return "cls_token";
        }
        if (key.startsWith("embeddings.patch_embeddings.projection.")) {
            return "patch_embed.proj." + key.substring("embeddings.patch_embeddings.projection.".length());
        }
        if (key.startsWith("layernorm.")) {
            return "norm." + key.substring("layernorm.".length());
        }
        int layer = layerIndex(key);
        if (layer < 0 || key.contains(".attention.attention.")) {
            return null;
        }
        String rest = key.substring(("encoder.layer." + layer + ".").length());
        String mapped = switch (rest) {
            case "attention.output.dense.weight" -> "attn.proj.weight";
            case "attention.output.dense.bias" -> "attn.proj.bias";
            case "layer_scale1.lambda1" -> "ls1.gamma";
            case "layer_scale2.lambda1" -> "ls2.gamma";
            default -> rest;
        };
        return "blocks." + layer + "." + mapped;
    }
}
