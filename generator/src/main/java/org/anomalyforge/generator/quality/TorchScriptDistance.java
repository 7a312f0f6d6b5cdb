package org.anomalyforge.generator.quality;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anomalyforge.generator.training.GradMode;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Normalization;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.store.Sha256;

/**
 * A user-supplied perceptual distance network (seas.md §11.2, "Pluggable network"), e.g. LPIPS exported with
 * {@code torch.jit.script} / {@code torch.jit.trace}: a TorchScript file whose {@code forward(x, y)} takes two images
 * [1, 3, 256, 256] in [−1, 1] (the LPIPS convention) and returns the distance as a one-element tensor. Loaded with
 * DJL's PyTorch engine from the local file only (nothing is downloaded). The report records the file's SHA-256 in
 * {@link #name()}, so IC-D computed with it is named e.g. {@code IC-(LPIPS[lpips.pt sha256:1a2b…])}.
 *
 * <p>One predictor serves every call, so {@link #distance} is synchronised ({@link ImageDistances} calls it from
 * several threads).
 */
public final class TorchScriptDistance implements PerceptualDistance, AutoCloseable {

    /** Side both images are resized to, as for MS-SSIM (§11.2 step 1). */
    public static final int SIDE = MsSsimDistance.SIDE;

    private final String name;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;

    private TorchScriptDistance(String name, Model model) {
        this.name = name;
        this.model = model;
        this.predictor = model.newPredictor(new NoopTranslator());
    }

    /**
     * @param label what the network computes, e.g. {@code LPIPS}
     * @param file  the TorchScript file
     * @throws IOException naming the file when it is missing or not a loadable TorchScript module
     */
    public static TorchScriptDistance load(String label, Path file) throws IOException {
        return new TorchScriptDistance(recordedName(label, file), loadModel(label, file));
    }

    /** {@code label[file sha256:…]}: what a report records for a user network. */
    static String recordedName(String label, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such TorchScript file for the " + label + " network");
        }
        return label + "[" + file.getFileName() + " sha256:" + Sha256.of(file) + "]";
    }

    /** The TorchScript module of {@code file} on DJL's PyTorch engine (local file only). */
    static Model loadModel(String label, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such TorchScript file for the " + label + " network");
        }
        String fileName = file.getFileName().toString();
        String stem = fileName.endsWith(".pt") ? fileName.substring(0, fileName.length() - 3) : fileName;
        Model model = Model.newInstance(stem, "PyTorch");
        try {
            model.load(file.toAbsolutePath().getParent(), stem);
            return model;
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException(file + ": not a loadable TorchScript module for the " + label + " network: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized double distance(RgbImage a, RgbImage b) {
        GradMode.off();
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList out = predictor.predict(new NDList(tensor(m, a), tensor(m, b)));
            NDArray d = out.get(0);
            if (d.size() != 1) {
                throw new IllegalStateException(name + " must return one distance per pair, got shape " + d.getShape());
            }
            double v = d.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalStateException(name + " returned " + v + "; a distance must be finite and >= 0");
            }
            return v;
        } catch (TranslateException e) {
            throw new IllegalStateException(name + " failed on a pair: " + e.getMessage(), e);
        }
    }

    /** [1, 3, 256, 256] in [−1, 1]. */
    static NDArray tensor(NDManager m, RgbImage image) {
        RgbImage r = SquareResize.to(image, SIDE);
        return m.create(ImageCodec.toChw(r, Normalization.MINUS_ONE_TO_ONE), new Shape(1, 3, SIDE, SIDE));
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }
}
