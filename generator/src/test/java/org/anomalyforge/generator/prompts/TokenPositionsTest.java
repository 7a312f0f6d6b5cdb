package org.anomalyforge.generator.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Deriving token positions from ids and the §4.3 layout check, on hand-made sequences. */
class TokenPositionsTest {

    @Test
    void positionsComeFromTheIds() {
        int[] ids = {0, 3, 7, 4, 12, 13, 14, 15, 1, 1};
        TokenPositions positions = TokenPositions.derive(ids, 7, new int[] {12, 13, 14, 15});
        assertEquals(new TokenPositions(2, List.of(4, 5, 6, 7)), positions.requireUnbalancedLayout());
        assertTrue(positions.isAnomaly());
        // Order follows the requested ids, not the sequence.
        assertEquals(List.of(7, 4), TokenPositions.derive(ids, 7, new int[] {15, 12}).anomalyPositions());
    }

    @Test
    void missingOrRepeatedTokensAndWrongLayoutsFail() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenPositions.derive(new int[] {0, 3, 1}, 7, new int[0]));
        assertEquals("normal token id 7 must occur exactly once in the sequence, found 0 times", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TokenPositions.derive(new int[] {0, 7, 8, 8}, 7, new int[] {8}));
        assertEquals("anomaly token id 8 must occur exactly once in the sequence, found 2 times", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TokenPositions.derive(new int[] {0, 7, 1}, 7, new int[0]).requireUnbalancedLayout());
        assertEquals("normal token must be at position 2 (seas.md §4.3), got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new TokenPositions(2, List.of(3, 4, 5, 6)).requireUnbalancedLayout());
        assertEquals("anomaly tokens must be at positions [4, 5, 6, 7] (seas.md §4.3), got [3, 4, 5, 6]",
                e.getMessage());
    }

    @Test
    void tokenCountsOtherThanOneAndFourAreRejected() {
        PromptTokens.requireSupportedCounts(1, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PromptTokens.requireSupportedCounts(1, 3));
        assertEquals("anomalyTokens must be 4 (the only count SeaS supports), got 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PromptTokens.requireSupportedCounts(2, 4));
        assertEquals("normalTokens must be 1 (the only count SeaS supports), got 2", e.getMessage());
        assertEquals(List.of("sks9", "sks10", "sks11", "sks12"), PromptTokens.anomalyTokensOf(2));
    }
}
