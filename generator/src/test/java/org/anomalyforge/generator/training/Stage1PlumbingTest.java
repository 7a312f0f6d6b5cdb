package org.anomalyforge.generator.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.SeasTestProduct;
import org.anomalyforge.generator.SeasTestThreads;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.losses.DaLoss;
import org.anomalyforge.generator.losses.OmegaRegion;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prompt-to-batch plumbing (§4.3, §2.7), the empty-Ω guard in a real step, and overfitting a fixed batch. */
class Stage1PlumbingTest {

    @BeforeAll
    static void threads() {
        SeasTestThreads.single();
    }

    @Test
    void tokenPositionsAndPromptsFeedTheDaLoss() throws Exception {
        GradMode.off();
        try (NDManager root = NDManager.newBaseManager();
                SeasModels models = SeasModels.freshTiny(ProfileSettings.tinyAt(64), List.of("blob", "scratch"), 1,
                        root)) {
            TrainingData data = TrainingData.prepare(SeasTestProduct.shots(2, 64, 1),
                    SeasTestProduct.normals(3, 64, 2), models.prompts(), 64);
            // anomalies grouped by type in code-point order: blob (k = 0) first
            assertEquals(List.of(0, 0, 1, 1), data.anomalies().stream().map(TrainingData.Anomaly::typeIndex).toList());
            MicroBatchBuilder builder = new MicroBatchBuilder(data, models.tokenizer(), models.prompts(),
                    new TrainingStreams(5), 5, 2, true, 0.0);
            assertArrayEquals(new int[] {2, 4, 5, 6, 7}, builder.daTokens());
            int ob1 = models.tokenizer().tokenId("ob1");
            for (long g = 0; g < 6; g++) {
                MicroBatch mb = builder.build(g);
                assertEquals(2, mb.anomalyCount());
                for (int i = 0; i < 2; i++) {
                    int k = mb.typeIndex()[i];
                    long[] row = java.util.Arrays.copyOfRange(mb.tokenIds(), i * 77, (i + 1) * 77);
                    assertEquals(ob1, row[2]);
                    for (int j = 0; j < 4; j++) {
                        assertEquals(models.tokenizer().tokenId("sks" + (4 * k + j + 1)), row[4 + j]);
                    }
                    long[] normal = java.util.Arrays.copyOfRange(mb.tokenIds(), (2 + i) * 77, (3 + i) * 77);
                    assertEquals(List.of(0L, 3L, (long) ob1, 1L), List.of(normal[0], normal[1], normal[2], normal[3]));
                }
            }
            // dropout replaces prompts by "" (BOS, EOS, pad …) and excludes dropped anomalies from DA
            MicroBatchBuilder dropping = new MicroBatchBuilder(data, models.tokenizer(), models.prompts(),
                    new TrainingStreams(5), 5, 2, true, 0.999);
            MicroBatch all = dropping.build(0);
            assertEquals(0, all.keptAnomalies().length);
            assertEquals(List.of(0L, 1L, 1L), List.of(all.tokenIds()[0], all.tokenIds()[1], all.tokenIds()[2]));
        }
    }

    @Test
    void emptyRegionIsCountedAndAFixedBatchIsOverfitted() throws Exception {
        GradMode.off();
        try (NDManager root = NDManager.newBaseManager();
                SeasModels models = SeasModels.freshTiny(ProfileSettings.tinyAt(64), List.of("blob", "scratch"), 3,
                        root)) {
            TrainingData data = TrainingData.prepare(SeasTestProduct.shots(1, 64, 4),
                    SeasTestProduct.normals(2, 64, 5), models.prompts(), 64);
            MicroBatchBuilder builder = new MicroBatchBuilder(data, models.tokenizer(), models.prompts(),
                    new TrainingStreams(1), 1, 2, false, 0.0);
            MicroBatch batch = builder.build(0);
            // FULL Ω is empty for the thin scratch at 4² only if no 16 px cell is fully covered; an all-zero mask
            // is empty everywhere: the guard must keep the loss finite and count it
            MicroBatch noDefect = new MicroBatch(batch.index(), batch.pixels(), batch.tokenIds(),
                    new float[batch.masks().length], batch.typeIndex(), batch.dropped(), batch.latentKeys());
            Stage1Objective objective = new Stage1Objective(models, new DaLoss(OmegaRegion.FULL),
                    new TrainingStreams(1), builder.daTokens());
            models.vae().freezeParameters(true);
            Stage1Terms empty = objective.run(noDefect, 1);
            assertEquals(2, empty.emptyOmega());
            assertTrue(Double.isFinite(empty.total()));

            Map<String, ai.djl.nn.Parameter> unet = new java.util.LinkedHashMap<>();
            ParameterRegistry.parameters(models.unet()).forEach((k, p) -> unet.put("unet." + k, p));
            Map<String, ai.djl.nn.Parameter> text = new java.util.LinkedHashMap<>();
            ParameterRegistry.parameters(models.text()).forEach((k, p) -> text.put("text." + k, p));
            List<Stage1Terms> curve = new ArrayList<>();
            try (AdamW adam = new AdamW(List.of(new ParamGroup("unet", unet, 1e-3, 0.01),
                    new ParamGroup("text", text, 1e-3, 0.01)), root)) {
                adam.step(1.0);                                      // consume the gradients of the guard check
                for (int i = 0; i < 12; i++) {
                    curve.add(objective.run(batch, 1));
                    GradMode.off();
                    GradientClipping.clip(adam.parameters(), 1.0, root);
                    adam.step(1.0);
                }
            }
            Stage1Terms first = curve.get(0);
            Stage1Terms last = curve.get(curve.size() - 1);
            assertTrue(last.anomaly() < 0.7 * first.anomaly(), "eps-MSE " + first.anomaly() + " → " + last.anomaly());
            assertTrue(last.daTotal() < first.daTotal(), "DA " + first.daTotal() + " → " + last.daTotal());
        }
    }

    @Test
    void aLongLoopKeepsTheNativeArrayCountConstant() throws Exception {
        GradMode.off();
        try (NDManager root = NDManager.newBaseManager();
                SeasModels models = SeasModels.freshTiny(ProfileSettings.tinyAt(32), List.of("scratch"), 3, root)) {
            TrainingData data = TrainingData.prepare(SeasTestProduct.shots(1, 32, 4).subList(0, 1),
                    SeasTestProduct.normals(2, 32, 5), models.prompts(), 32);
            SeasFinetuneOptions o = SeasFinetuneOptions.tinyDefaults().withImageSize(32).withBatchSize(1);
            Stage1Trainer trainer = new Stage1Trainer(models, data, new TrainingStreams(2),
                    ProfileSettings.settings(o, 10), org.anomalyforge.generator.FinetuneProgress.NONE, new LossLog());
            try (AdamW adam = trainer.optimizer()) {
                for (int step = 1; step <= 3; step++) {
                    trainer.step(adam, step, 1.0);
                }
                int before = ((ai.djl.ndarray.BaseNDManager) root).getManagedArrays().size();
                for (int step = 4; step <= 8; step++) {
                    trainer.step(adam, step, 1.0);
                }
                assertEquals(before, ((ai.djl.ndarray.BaseNDManager) root).getManagedArrays().size());
            }
        }
    }
}
