package org.anomalyforge.jobs.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The experiment's summary: one row per arm, mean ± sample sd over seeds. */
class SeasVsBaselineCommandTest {

    @Test
    void meanAndSampleStandardDeviationOverSeeds() {
        List<ArmResult> rows = List.of(
                new ArmResult(Arm.SEAS, 1, "r1", 80, 10, 20, null, 1),
                new ArmResult(Arm.SEAS, 2, "r2", 90, 14, 26, null, 1));
        // image AUROC: mean 85, sd √((25 + 25)/1) = 7.07; pixel AP: 12 ± 2.83; IoU: 23 ± 4.24
        assertEquals("85.00 ± 7.07", SeasVsBaselineCommand.stat(rows, ArmResult::imageAuroc));
        assertEquals("12.00 ± 2.83", SeasVsBaselineCommand.stat(rows, ArmResult::pixelAp));
        assertEquals("23.00 ± 4.24", SeasVsBaselineCommand.stat(rows, ArmResult::iou));
        assertEquals("80.00", SeasVsBaselineCommand.stat(rows.subList(0, 1), ArmResult::imageAuroc));
    }

    @Test
    void tableListsArmsInOrderAndSkipsMissingOnes() {
        String table = SeasVsBaselineCommand.table(List.of(
                new ArmResult(Arm.SEAS, 1, "r", 70, 5, 9, null, 1),
                new ArmResult(Arm.REAL, 1, "r", 60, 4, 8, null, 1)), 1);
        String[] lines = table.split("\n");
        assertEquals(4, lines.length, table);
        assertFalse(lines[0].contains("within strata"), lines[0]);
        assertTrue(lines[2].startsWith("A ") && lines[2].contains("real shots + normals") && lines[2].contains("60.00"),
                lines[2]);
        assertTrue(lines[3].startsWith("C ") && lines[3].contains("A + SeaS pairs") && lines[3].contains("9.00"),
                lines[3]);
    }

    @Test
    void withinStrataColumnOnlyWhenAskedFor() {
        String table = SeasVsBaselineCommand.table(List.of(
                new ArmResult(Arm.PERLIN, 1, "r", 85, 7, 30, 60.0, 1),
                new ArmResult(Arm.PERLIN, 2, "r", 75, 5, 28, 50.0, 1)), 2);
        String[] lines = table.split("\n");
        assertTrue(lines[0].contains("image AUROC") && lines[0].contains("within strata"), lines[0]);
        // within strata: mean 55, sd √(2·25) = 7.07
        assertTrue(lines[2].matches("B\\s+A \\+ Perlin pairs\\s+2\\s+80\\.00 ± 7\\.07\\s+55\\.00 ± 7\\.07\\s+6\\.00 ± 1\\.41"
                + "\\s+29\\.00 ± 1\\.41"), lines[2]);
    }
}
