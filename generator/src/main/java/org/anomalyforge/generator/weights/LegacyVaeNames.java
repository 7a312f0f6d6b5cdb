package org.anomalyforge.generator.weights;

/**
 * diffusers' pre-0.14 {@code AttentionBlock} names of the VAE mid-block attention, still used by SD-1.x VAE
 * files (sd14-manifest.tsv notes): {@code query} → {@code to_q}, {@code key} → {@code to_k}, {@code value} →
 * {@code to_v}, {@code proj_attn} → {@code to_out.0}; {@code group_norm} is unchanged. Applies only inside
 * {@code {encoder,decoder}.mid_block.attentions.N.}.
 */
final class LegacyVaeNames {

    private static final String[][] RENAMES = {
        {"query", "to_q"}, {"key", "to_k"}, {"value", "to_v"}, {"proj_attn", "to_out.0"},
    };

    private LegacyVaeNames() {
    }

    /** The current name of {@code key} (unchanged if it is not a legacy name). */
    static String toCurrent(String key) {
        int at = key.indexOf(".mid_block.attentions.");
        if (at < 0 || !(key.startsWith("encoder.") || key.startsWith("decoder."))) {
            return key;
        }
        int layerStart = at + ".mid_block.attentions.".length();
        int layerEnd = key.indexOf('.', layerStart);
        if (layerEnd < 0) {
            return key;
        }
        String head = key.substring(0, layerEnd + 1);
        String tail = key.substring(layerEnd + 1);
        for (String[] r : RENAMES) {
            if (tail.startsWith(r[0] + ".")) {
                return head + r[1] + tail.substring(r[0].length());
            }
        }
        return key;
    }

    /** Whether {@code key} uses a legacy name (its current name differs). */
    static boolean isLegacy(String key) {
        return !toCurrent(key).equals(key);
    }
}
