package org.anomalyforge.generator.checkpoint;

import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.config.SeasModelConfig;

/**
 * {@code config.json} of a SeaS run (seas.md §10.1): the full model configuration (with the measured VAE scaling
 * factor s and the extended token table), the ordered defect types, the token map, the training settings and the
 * §7.3 final losses. The noise schedule sits next to it as diffusers' {@code scheduler/scheduler_config.json}.
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param format        {@value #FORMAT}
 * @param product       product name
 * @param model         networks (vocabSize = 7 + 1 + 4T for tiny, 49,408 + 1 + 4T for sd14)
 * @param defectTypes   defect types in code-point order (type k owns sks{4k+1} … sks{4k+4})
 * @param tokenIds      ob1 and every sks token → id
 * @param tokenizer     {@code word-level} (tiny) or {@code clip-bpe} (sd14)
 * @param training      hyper-parameters
 */
public record SeasRunConfig(int formatVersion, String format, String product, SeasModelConfig model,
        List<String> defectTypes, Map<String, Integer> tokenIds, String tokenizer, SeasTrainingSettings training) {

    public static final int FORMAT_VERSION = 1;
    public static final String FORMAT = "anomalyforge-seas";
    public static final String WORD_LEVEL = "word-level";
    public static final String CLIP_BPE = "clip-bpe";

    public SeasRunConfig {
        if (formatVersion != FORMAT_VERSION || !FORMAT.equals(format)) {
            throw new IllegalArgumentException("SeasRunConfig must be " + FORMAT + " version " + FORMAT_VERSION
                    + ", got " + format + " version " + formatVersion);
        }
        if (!WORD_LEVEL.equals(tokenizer) && !CLIP_BPE.equals(tokenizer)) {
            throw new IllegalArgumentException("SeasRunConfig.tokenizer must be " + WORD_LEVEL + " or " + CLIP_BPE
                    + ", got " + tokenizer);
        }
        defectTypes = List.copyOf(defectTypes);
        tokenIds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tokenIds));
    }
}
