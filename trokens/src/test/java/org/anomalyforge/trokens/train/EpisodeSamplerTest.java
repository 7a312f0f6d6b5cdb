package org.anomalyforge.trokens.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spec §16.1 #16: episode sizes, disjointness, determinism, exclusion of under-populated classes. */
class EpisodeSamplerTest {

    /** Classes a..f with 8 clips each, plus "tiny" with 3 clips. */
    private static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (String c : new String[] {"a", "b", "c", "d", "e", "f"}) {
            for (int i = 0; i < 8; i++) {
                labels.add(c);
            }
        }
        labels.addAll(List.of("tiny", "tiny", "tiny"));
        return labels;
    }

    @Test
    void episodesHaveTheRightSizesAndDisjointSupportAndQuery() {
        List<String> labels = labels();
        EpisodeSampler sampler = new EpisodeSampler(labels, 5, 1, 6, 42);
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), sampler.classes());
        assertEquals(List.of("tiny (3)"), sampler.excluded());
        for (int e = 0; e < 20; e++) {
            Episode episode = sampler.episode(e);
            assertEquals(5, new HashSet<>(episode.classes()).size());
            assertEquals(5, episode.supportOrder().length);
            assertEquals(30, episode.queryOrder().length);
            Set<Integer> seen = new HashSet<>();
            for (int i : episode.supportOrder()) {
                assertTrue(seen.add(i));
            }
            for (int i : episode.queryOrder()) {
                assertTrue(seen.add(i), "query clip " + i + " repeats a support or query clip");
            }
            for (int c = 0; c < 5; c++) {
                for (int i : episode.support()[c]) {
                    assertEquals(episode.classes().get(c), labels.get(i));
                }
                for (int i : episode.query()[c]) {
                    assertEquals(episode.classes().get(c), labels.get(i));
                }
            }
            assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3,
                4, 4, 4, 4, 4, 4}, episode.queryLabels());
        }
    }

    @Test
    void sameSeedGivesTheSameEpisodesAndAnotherSeedDiffers() {
        EpisodeSampler a = new EpisodeSampler(labels(), 5, 3, 1, 7);
        EpisodeSampler b = new EpisodeSampler(labels(), 5, 3, 1, 7);
        EpisodeSampler c = new EpisodeSampler(labels(), 5, 3, 1, 8);
        boolean anyDifferent = false;
        for (int e = 0; e < 10; e++) {
            assertEquals(a.episode(e).classes(), b.episode(e).classes());
            assertArrayEquals(a.episode(e).supportOrder(), b.episode(e).supportOrder());
            assertArrayEquals(a.episode(e).queryOrder(), b.episode(e).queryOrder());
            anyDifferent |= !Arrays.equals(a.episode(e).supportOrder(), c.episode(e).supportOrder());
        }
        assertTrue(anyDifferent);
        assertFalse(Arrays.equals(a.episode(0).supportOrder(), a.episode(1).supportOrder()));
    }

    @Test
    void tooFewEligibleClassesIsAnErrorNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EpisodeSampler(labels(), 5, 5, 6, 1));
        assertTrue(e.getMessage().contains("5-way episodes need 5 classes with at least K + Q = 11 clips, found 0"),
                e.getMessage());
        assertTrue(e.getMessage().contains("tiny (3)"), e.getMessage());
    }
}
