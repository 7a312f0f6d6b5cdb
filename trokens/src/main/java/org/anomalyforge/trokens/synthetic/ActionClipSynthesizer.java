package org.anomalyforge.trokens.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.trokens.sampling.SplitMix64;

/**
 * Seeded synthesiser of conveyor action clips (spec §13.6): a product sprite (from product images) on a
 * scrolling textured belt, scripted by an {@link ActionClass}, with pusher, gripper, trays, moving and
 * blinking distractors, belt angle ±15°, camera shake, a lighting ramp, blur and sensor noise. Deterministic:
 * the same class, seed and textures give bit-identical frames. Thread-safe (no mutable state).
 */
public final class ActionClipSynthesizer {

    private final SynthesisConfig config;
    private final List<RgbImage> productTextures;

    /**
     * @param productTextures at least one product image (any size), e.g. {@link #sampleProductTextures}
     */
    public ActionClipSynthesizer(SynthesisConfig config, List<RgbImage> productTextures) {
        this.config = java.util.Objects.requireNonNull(config, "config must not be null");
        this.productTextures = List.copyOf(productTextures);
        if (this.productTextures.isEmpty()) {
            throw new IllegalArgumentException("productTextures must not be empty");
        }
    }

    /** {@code perKind} good product images of every {@link ProductKind}, rendered by the sample generator at 128 px. */
    public static List<RgbImage> sampleProductTextures(int perKind, long seed) {
        if (perKind < 1) {
            throw new IllegalArgumentException("perKind must be >= 1, got " + perKind);
        }
        List<RgbImage> out = new ArrayList<>();
        for (ProductKind kind : ProductKind.values()) {
            for (int i = 0; i < perKind; i++) {
                out.add(SampleProductGenerator.render(kind, SampleProductGenerator.TRAIN, Optional.empty(), i, seed,
                        128).image());
            }
        }
        return out;
    }

    /** The configuration. */
    public SynthesisConfig config() {
        return config;
    }

    /** Renders one clip. */
    public SyntheticClip render(String clipId, ActionClass action, long seed) {
        SplitMix64 rng = new SplitMix64(SplitMix64.mix(seed, action.kind().ordinal(), action.sign()));
        int w = config.width();
        int h = config.height();
        int n = config.frames();
        int margin = (int) Math.round(0.25 * Math.max(w, h));
        int cw = w + 2 * margin;
        int ch = h + 2 * margin;
        int partH = (int) Math.round((0.24 + 0.08 * rng.nextDouble()) * h);
        int partW = (int) Math.round(partH * (1.1 + 0.4 * rng.nextDouble()));
        double beltHalf = (0.22 + 0.06 * rng.nextDouble()) * h;
        SceneLayout layout = new SceneLayout(w, h, h / 2.0, beltHalf, partW, partH,
                (0.35 + 0.3 * rng.nextDouble()) * w, (int) Math.round(partW * 1.2), Math.max(4, partH / 2));
        SceneBackdrop backdrop = SceneBackdrop.create(cw, ch, (int) Math.round(margin + layout.beltY() - beltHalf),
                (int) Math.round(2 * beltHalf), rng);
        Sprite part = productSprite(partW, partH, rng);
        Sprite second = productSprite(Math.max(6, (int) (partW * 0.55)), Math.max(6, (int) (partH * 0.55)), rng);
        Sprite shadow = Sprite.solid(partW, partH, 10, 10, 10, 0.45f);
        Sprite pusher = Sprite.solid(layout.pusherWidth(), layout.pusherDepth(), 150, 150, 160, 1f);
        Sprite gripper = Sprite.solid(Math.max(6, partW / 2), Math.max(6, partH / 2), 30, 30, 35, 1f);
        Sprite tray = Sprite.solid((int) (partW * 1.6), (int) (partH * 1.4), 185, 180, 165, 1f);
        Distractors distractors = new Distractors(w, h, layout, n, rng);
        CameraModel camera = new CameraModel(w, h, margin, n, rng);
        int quality = 70 + rng.nextInt(26);
        List<ScenePose> poses = new ActionScript(action, layout, n, rng).poses();
        List<RgbImage> frames = new ArrayList<>(n);
        float[][][] corners = new float[n][4][2];
        for (int t = 0; t < n; t++) {
            ScenePose p = poses.get(t);
            float[] canvas = backdrop.canvas(p.beltOffset());
            for (int side = -1; side <= 1; side += 2) {
                tray.draw(canvas, cw, ch, margin + layout.stationX(), margin + layout.trayY(side), 0, 1);
            }
            if (p.shadow() > 0) {
                shadow.draw(canvas, cw, ch, margin + p.partX() + p.shadow(), margin + p.partY() + p.shadow(),
                        p.partAngle(), p.partScale());
            }
            part.draw(canvas, cw, ch, margin + p.partX(), margin + p.partY(), p.partAngle(), p.partScale());
            if (p.secondPart()) {
                second.draw(canvas, cw, ch, margin + p.secondX(), margin + p.secondY(), p.partAngle() * 0.5, 1);
            }
            pusher.draw(canvas, cw, ch, margin + p.pusherX(), margin + p.pusherY(), 0, 1);
            if (p.gripper()) {
                gripper.draw(canvas, cw, ch, margin + p.gripperX(), margin + p.gripperY(), 0, 1);
            }
            distractors.draw(canvas, cw, ch, margin, t);
            frames.add(camera.shoot(t, n, canvas, cw, ch));
            for (int k = 0; k < 4; k++) {
                double[] c = part.corner(k, margin + p.partX(), margin + p.partY(), p.partAngle(), p.partScale());
                double[] v = camera.toView(t, c[0], c[1]);
                corners[t][k][0] = (float) v[0];
                corners[t][k][1] = (float) v[1];
            }
        }
        return new SyntheticClip(clipId, action, seed, config.fps(), frames, corners, quality);
    }

    private Sprite productSprite(int width, int height, SplitMix64 rng) {
        RgbImage texture = productTextures.get(rng.nextInt(productTextures.size()));
        float[] tint = new float[3];
        for (int c = 0; c < 3; c++) {
            tint[c] = (float) (0.5 + rng.nextDouble());
        }
        return Sprite.product(texture, width, height, tint);
    }
}
