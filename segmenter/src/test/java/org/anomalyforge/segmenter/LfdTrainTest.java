package org.anomalyforge.segmenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.VerifiedRun;
import org.anomalyforge.segmenter.inference.LfdSegmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: train → commit → load → evaluate, with selection on validation pixel AP (§5.7–§5.8, §6, §7). */
class LfdTrainTest {

    private static final int SIZE = 64;

    @TempDir
    Path store;

    static List<TrainingSample> samples(int size, int generated, int shots, int normals) {
        List<TrainingSample> list = new ArrayList<>();
        for (int i = 0; i < generated; i++) {
            list.add(SyntheticImages.defect("gen-" + i, SampleOrigin.GENERATED, "square", size, 100 + i));
        }
        for (int i = 0; i < shots; i++) {
            list.add(SyntheticImages.defect("shot-" + i, SampleOrigin.REAL_SHOT, "square", size, 200 + i));
        }
        for (int i = 0; i < normals; i++) {
            list.add(SyntheticImages.normal("good-" + i, size, 300 + i));
        }
        return list;
    }

    @Test
    void trainsCommitsLoadsAndEvaluates() throws Exception {
        LfdTrainingOptions options = LfdTrainingOptions.of(LfdPreset.CPU).withInputSize(SIZE).withBatchSize(4)
                .withEpochs(20).withIterationCap(80).withAugmentation(AugmentationPreset.NONE);
        LfdTrainRequest request = new LfdTrainRequest("widget", samples(SIZE, 10, 2, 5), options, store, "test-1");
        List<Boolean> bests = new ArrayList<>();
        long[] started = {-1};
        TrainResult result = Lfd.train(request, new TrainingProgress() {
            @Override
            public void onStart(long totalIterations) {
                started[0] = totalIterations;
            }

            @Override
            public void onIteration(long iteration, double loss, double lr) {
            }

            @Override
            public void onValidation(int epoch, double pixelAp, boolean best) {
                bests.add(best);
            }
        });
        // 17 samples: validation 1 generated + 1 normal; 15 train → 4 batches/epoch; T = min(20·4, 80) = 80
        assertEquals(80, started[0]);
        assertEquals(80, result.iterations());
        assertEquals(20, result.lossCurve().size());
        assertEquals(20, bests.size());                                   // valEvery = max(1, 20/15) = 1
        assertTrue(result.lossCurve().get(19) < 0.5 * result.lossCurve().get(0), result.lossCurve().toString());

        Set<String> files;
        try (Stream<Path> s = Files.list(result.runDir())) {
            files = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(Set.of("config.json", "history.json", "manifest.json", "weights.safetensors"), files);
        assertEquals(List.of(), new ModelStore(store).unfinished("widget", "lfd"));

        VerifiedRun verified = ModelStore.open(result.runDir());
        assertEquals(result.valPixelAp(), verified.manifest().metrics().get("val.pixel_ap"), 1e-12);
        assertEquals(80.0, verified.manifest().metrics().get("iterations"));
        assertEquals(15.0, verified.manifest().metrics().get("train_samples"));
        assertEquals(2.0, verified.manifest().metrics().get("val_samples"));
        assertEquals("test-1", verified.manifest().codeVersion());

        JsonNode history = new ObjectMapper().readTree(result.runDir().resolve("history.json").toFile());
        int argmax = 0;
        double bestAp = Double.NEGATIVE_INFINITY;
        for (JsonNode v : history.get("validations")) {
            if (v.get("pixelAp").asDouble() >= bestAp) {                  // ties → later epoch
                bestAp = v.get("pixelAp").asDouble();
                argmax = v.get("epoch").asInt();
            }
        }
        assertEquals(argmax, result.selectedEpoch());
        assertEquals(bestAp, result.valPixelAp(), 0.0);
        JsonNode config = new ObjectMapper().readTree(result.runDir().resolve("config.json").toFile());
        assertEquals("validation-pixel-ap", config.get("selection").asText());
        assertEquals(argmax, config.get("selectedEpoch").asInt());
        assertEquals("scratch", config.get("init").asText());
        assertEquals(80, config.get("schedule").get("totalIterations").asInt());

        List<EvalImage> test = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TrainingSample s = SyntheticImages.defect("t" + i, SampleOrigin.REAL_SHOT, "square", SIZE, 400 + i);
            test.add(new EvalImage(s.id(), "square", s.image(), s.mask()));
        }
        for (int i = 0; i < 2; i++) {
            test.add(new EvalImage("g" + i, EvalImage.GOOD, SyntheticImages.imagePng(SIZE, 500 + i, 0, 0, 0), null));
        }
        try (LfdSegmenter seg = Lfd.load(result.runDir())) {
            assertEquals(result.tauPixel(), seg.config().tauPixel());
            assertEquals(result.tauImage(), seg.config().tauImage());
            assertEquals(result.runId(), seg.runId());
            LfdEvaluation eval = Lfd.evaluate(seg, test, 4);
            assertEquals(6L, eval.overall().counts().images());
            assertEquals(4L, eval.overall().counts().anomalousImages());
            assertEquals(Set.of("square"), eval.perDefectType().keySet());
            assertEquals(6L, eval.perDefectType().get("square").counts().images());
            assertEquals(6, eval.scores().size());
            assertEquals("t0", eval.scores().get(0).id());
            assertTrue(eval.scores().get(0).gtLabel());
            assertEquals(false, eval.scores().get(5).gtLabel());
            assertTrue(eval.overall().pixelAuroc() > 0.9, "pixel AUROC " + eval.overall().pixelAuroc());
            assertTrue(eval.overall().pixelAp() > 0.5, "pixel AP " + eval.overall().pixelAp());
        }
    }
}
