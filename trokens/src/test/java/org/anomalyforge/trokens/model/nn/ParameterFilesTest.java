package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDManager;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;
import org.anomalyforge.trokens.model.MaskMode;
import org.anomalyforge.trokens.model.TrokensConfig;
import org.anomalyforge.trokens.model.TrokensNet;
import org.anomalyforge.trokens.tokens.HodMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Strict safetensors save/load of block parameters. */
class ParameterFilesTest {

    private static final TrokensConfig FULL = new TrokensConfig("t", 4, 16, 2, 4, 8, 16, HodMode.PER_FRAME, 3,
            MaskMode.VISIBILITY, true, true, true, false);
    private static final TrokensConfig NO_HOD = new TrokensConfig("t", 4, 16, 2, 4, 8, 16, HodMode.PER_FRAME, 3,
            MaskMode.VISIBILITY, true, false, true, false);

    @TempDir
    Path dir;

    @Test
    void roundTripAndStrictKeys() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            TrokensNet full = new TrokensNet(FULL, 1);
            full.initialize(m);
            Path file = dir.resolve("full.safetensors");
            ParameterFiles.write(full, file, Map.of("k", "v"));
            TrokensNet copy = new TrokensNet(FULL, 2);
            copy.initialize(m);
            ParameterFiles.read(copy, file);
            Map<String, float[]> a = ParameterFiles.snapshot(full);
            Map<String, float[]> b = ParameterFiles.snapshot(copy);
            a.forEach((k, v) -> assertArrayEquals(v, b.get(k), 0f, k));

            TrokensNet smaller = new TrokensNet(NO_HOD, 1);
            smaller.initialize(m);
            SafetensorsFormatException extra = assertThrows(SafetensorsFormatException.class,
                    () -> ParameterFiles.read(smaller, file));
            assertTrue(extra.getMessage().contains("unexpected tensor(s) [hod_mlp.fc1.bias"), extra.getMessage());

            Path small = dir.resolve("small.safetensors");
            ParameterFiles.write(smaller, small, Map.of());
            SafetensorsFormatException missing = assertThrows(SafetensorsFormatException.class,
                    () -> ParameterFiles.read(copy, small));
            assertTrue(missing.getMessage().contains("missing tensor 'hod_mlp."), missing.getMessage());

            Path wrong = dir.resolve("wrong.safetensors");
            SafetensorsWriter w = new SafetensorsWriter();
            a.forEach((k, v) -> {
                long[] shape = k.equals("cls") ? new long[] {2, 8}
                        : DottedParameters.of(full).get(k).getShape().getShape();
                w.addFloats(k, shape, v);
            });
            w.write(wrong);
            SafetensorsFormatException shape = assertThrows(SafetensorsFormatException.class,
                    () -> ParameterFiles.read(copy, wrong));
            assertTrue(shape.getMessage().contains("tensor 'cls': expected shape [16], got [2, 8]"),
                    shape.getMessage());
        }
    }
}
