/**
 * SeaS's Unbalanced-Abnormal (UA) prompts and the token positions the DA loss reads (seas.md §2.2, §4.3–4.4).
 *
 * <p>A product with T sorted defect types gets one normal token {@code ob1} and four anomaly tokens per type
 * ({@code sks{4k+1} … sks{4k+4}} for type k). {@link org.anomalyforge.generator.prompts.PromptSet} builds the
 * prompts, the list of new tokens to append to a tokenizer and the {@link
 * org.anomalyforge.generator.prompts.AddedTokenRow}s that tell the text encoder which existing row each new
 * embedding row starts from; {@link org.anomalyforge.generator.prompts.TokenPositions} finds where those
 * tokens sit in an encoded 77-token sequence.
 */
package org.anomalyforge.generator.prompts;
