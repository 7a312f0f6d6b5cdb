package org.anomalyforge.jobs.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalyforge.trokens.encoders.PatchDescriptorEncoder;
import org.anomalyforge.trokens.model.TrokensConfig;
import org.junit.jupiter.api.Test;

class TokenStreamsTest {

    @Test
    void parsesNamesInAnyOrderAndDefaultsToAllThree() {
        assertEquals(TokenStreams.ALL, TokenStreams.parse(null));
        assertEquals(TokenStreams.ALL, TokenStreams.parse(List.of()));
        assertEquals(new TokenStreams(false, true, false), TokenStreams.parse(List.of(" HoD ")));
        assertEquals(new TokenStreams(true, true, false), TokenStreams.parse(List.of("hod", "appearance")));
        assertEquals("appearance,hod", new TokenStreams(true, true, false).describe());
        assertEquals("appearance,hod,relational", TokenStreams.ALL.describe());
    }

    @Test
    void refusesUnknownRepeatedOrNoStreams() {
        assertEquals("--tokens must list streams from [appearance, hod, relational], got 'flow'",
                assertThrows(IllegalArgumentException.class, () -> TokenStreams.parse(List.of("hod", "flow")))
                        .getMessage());
        assertEquals("--tokens lists 'hod' twice",
                assertThrows(IllegalArgumentException.class, () -> TokenStreams.parse(List.of("hod", "HOD")))
                        .getMessage());
        assertEquals("--tokens needs at least one of [appearance, hod, relational]",
                assertThrows(IllegalArgumentException.class, () -> new TokenStreams(false, false, false))
                        .getMessage());
    }

    @Test
    void hodOnlyDescriptorModelDropsAppearanceAndRelationalWeights() {
        TrokensConfig full = TrokensConfig.descriptorCpu(8).resized(PatchDescriptorEncoder.FEATURE_DIM, 128, 8, 32, 8);
        TrokensConfig hodOnly = TokenStreams.parse(List.of("hod")).applyTo(full);
        assertFalse(hodOnly.appearance());
        assertTrue(hodOnly.hod());
        assertFalse(hodOnly.relational());
        assertEquals(TokenStreams.parse(List.of("hod")), TokenStreams.of(hodOnly));
        // cls d + HoD MLP (32·4d + 4d + 4d·d + d + 2d) + block (17d² + 20d) + final LN 2d + head (d² + d + 8d + 8),
        // d = 128: 128 + 82,816 + 281,088 + 256 + 17,544
        assertEquals(381_832L, hodOnly.parameterCount());
        assertEquals(full.points(), hodOnly.points());
        assertEquals(full.modelDim(), hodOnly.modelDim());
    }
}
