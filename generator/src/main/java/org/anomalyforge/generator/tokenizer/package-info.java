/**
 * The two SeaS tokenizers (seas.md §4.1–4.2), both in pure Java with CLIP's sequence conventions: BOS, content,
 * EOS, then EOS as padding up to the context length 77.
 *
 * <p>{@link org.anomalyforge.generator.tokenizer.ClipBpeTokenizer} reproduces openai/CLIP's
 * {@code SimpleTokenizer} and Hugging Face's {@code CLIPTokenizer} from {@code vocab.json} + {@code merges.txt}
 * (byte-level BPE with {@code </w>} end-of-word markers); {@link
 * org.anomalyforge.generator.tokenizer.WordLevelTokenizer} is the tiny profile's fixed word vocabulary. Added
 * tokens ({@code ob1}, {@code sks1 … sks4T}) are matched as whole words only, so {@code sks10} is never read as
 * {@code sks1} + {@code 0}.
 *
 * <p>Tokenizers are immutable and thread-safe: adding tokens returns a new tokenizer
 * ({@link org.anomalyforge.generator.tokenizer.Tokenizer#withAddedTokens}).
 */
package org.anomalyforge.generator.tokenizer;
