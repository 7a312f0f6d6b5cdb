package org.anomalyforge.generator.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.junit.jupiter.api.Test;

class TinyTextEncoderTest {

    @Test
    void countsMatchSpecBeforeAndAfterAddingTokenRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClipTextModel text = new ClipTextModel(SeasModelConfig.tiny().textEncoder());
            assertEquals(407_680L - 128, ParameterRegistry.count(text));
            assertEquals(36, ParameterRegistry.specs(text).size());
            ModelInitialization.seeded(text, m, 11);
            text.appendTokenRows(NewTokenRow.seasRows(NewTokenRow.Mode.RANDOM, 5, 6, 3), 99);
            assertEquals(409_216L, ParameterRegistry.count(text));
            assertEquals(409_216L, ParameterRegistry.trainableCount(text));
            assertEquals(20, text.config().vocabSize());
        }
    }

    @Test
    void encodesSequencesCausally() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClipTextModel text = new ClipTextModel(SeasModelConfig.tiny().textEncoder());
            ModelInitialization.seeded(text, m, 11);
            ParameterStore ps = new ParameterStore(m, false);
            long[] a = new long[2 * 77];
            java.util.Arrays.fill(a, 1);
            a[0] = 0;
            a[1] = 3;
            a[77] = 0;
            a[78] = 3;
            a[79] = 4;                                   // the second sequence differs from position 2 on
            NDArray c = text.forward(ps, m.create(a, new Shape(2, 77)), false);
            assertEquals(new Shape(2, 77, 128), c.getShape());
            float[] first = c.get(new NDIndex("0, 0:2")).toFloatArray();
            float[] second = c.get(new NDIndex("1, 0:2")).toFloatArray();
            assertArrayEquals(first, second, 1e-6f);          // earlier positions never see later tokens
            assertNotEquals(c.get(new NDIndex("0, 2")).sum().getFloat(), c.get(new NDIndex("1, 2")).sum().getFloat());
        }
    }

    @Test
    void newRowsCopySourcesAndKeepExistingRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClipTextModel text = new ClipTextModel(SeasModelConfig.tiny().textEncoder());
            ModelInitialization.seeded(text, m, 11);
            NDArray tableBefore = ParameterRegistry.parameters(text).get("text_model.embeddings.token_embedding.weight")
                    .getArray();
            float[] before = tableBefore.toFloatArray();
            float[] objectRow = tableBefore.get(new NDIndex("5")).toFloatArray();
            float[] defectRow = tableBefore.get(new NDIndex("6")).toFloatArray();
            int[] ids = text.appendTokenRows(NewTokenRow.seasRows(NewTokenRow.Mode.COPY_SOURCE, 5, 6, 1), 1);
            assertArrayEquals(new int[] {7, 8, 9, 10, 11}, ids);
            NDArray table = ParameterRegistry.parameters(text).get("text_model.embeddings.token_embedding.weight")
                    .getArray();
            assertEquals(new Shape(12, 128), table.getShape());
            assertArrayEquals(before, table.get(new NDIndex("0:7")).toFloatArray(), 0f);
            assertArrayEquals(objectRow, table.get(new NDIndex("7")).toFloatArray(), 0f);
            for (int id = 8; id <= 11; id++) {
                assertArrayEquals(defectRow, table.get(new NDIndex("{}", id)).toFloatArray(), 0f);
            }
            // random rows: each drawn separately, reproducible from the seed
            int[] random = text.appendTokenRows(List.of(NewTokenRow.random(), NewTokenRow.random()), 5);
            NDArray grown = ParameterRegistry.parameters(text).get("text_model.embeddings.token_embedding.weight")
                    .getArray();
            assertArrayEquals(new int[] {12, 13}, random);
            assertNotEquals(grown.get(new NDIndex("12")).getFloat(0), grown.get(new NDIndex("13")).getFloat(0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> text.appendTokenRows(List.of(NewTokenRow.copyOf(40)), 1));
            assertEquals("new row 0 copies token 40, which is not an existing row (table has 14)", e.getMessage());
        }
    }
}
