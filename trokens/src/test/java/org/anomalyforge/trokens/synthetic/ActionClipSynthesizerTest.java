package org.anomalyforge.trokens.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActionClipSynthesizerTest {

    private static ActionClipSynthesizer synth;

    @BeforeAll
    static void textures() {
        synth = new ActionClipSynthesizer(SynthesisConfig.DEFAULT, ActionClipSynthesizer.sampleProductTextures(1, 5));
    }

    private static double[] centre(SyntheticClip clip, int t) {
        float[][] c = clip.productCorners()[t];
        return new double[] {(c[0][0] + c[1][0] + c[2][0] + c[3][0]) / 4, (c[0][1] + c[1][1] + c[2][1] + c[3][1]) / 4};
    }

    private static double[] travel(SyntheticClip clip) {
        double[] a = centre(clip, 0);
        double[] b = centre(clip, clip.frames().size() - 1);
        return new double[] {b[0] - a[0], b[1] - a[1]};
    }

    @Test
    void sameSeedSameFramesOtherSeedOtherFrames() {
        ActionClass a = ActionClass.fromLabel("reject_up");
        SyntheticClip one = synth.render("c", a, 17);
        SyntheticClip two = synth.render("c", a, 17);
        assertEquals(one.frames(), two.frames());
        assertEquals(one.jpegQuality(), two.jpegQuality());
        assertNotEquals(one.frames(), synth.render("c", a, 18).frames());
        assertEquals(32, one.frames().size());
        RgbImage f = one.frames().get(0);
        assertEquals(128, f.width());
        assertEquals(96, f.height());
    }

    @Test
    void eachActionHasItsOwnProductMotion() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] right = travel(synth.render("a", ActionClass.fromLabel("pass_right"), seed));
            double[] left = travel(synth.render("b", ActionClass.fromLabel("pass_left"), seed));
            assertTrue(right[0] > 40, "pass_right dx " + right[0]);
            assertTrue(left[0] < -40, "pass_left dx " + left[0]);
            double[] down = travel(synth.render("c", ActionClass.fromLabel("reject_down"), seed));
            double[] up = travel(synth.render("d", ActionClass.fromLabel("reject_up"), seed));
            assertTrue(down[1] > 20, "reject_down dy " + down[1]);
            assertTrue(up[1] < -20, "reject_up dy " + up[1]);
            SyntheticClip stall = synth.render("e", ActionClass.fromLabel("stall"), seed);
            SyntheticClip jam = synth.render("f", ActionClass.fromLabel("jam_left"), seed);
            for (int t = 0; t < 32; t++) {
                for (SyntheticClip still : List.of(stall, jam)) {
                    double[] c0 = centre(still, 0);
                    double[] c = centre(still, t);
                    assertTrue(Math.hypot(c[0] - c0[0], c[1] - c0[1]) < 3, still.action().label() + " moved at " + t);
                }
            }
        }
    }

    @Test
    void rotationSenseAndLiftScaleShowInCorners() {
        for (String label : List.of("rotate_cw", "rotate_ccw")) {
            SyntheticClip clip = synth.render("r", ActionClass.fromLabel(label), 4);
            double turned = 0;
            double prev = edgeAngle(clip, 0);
            for (int t = 1; t < 32; t++) {
                double a = edgeAngle(clip, t);
                double d = Math.atan2(Math.sin(a - prev), Math.cos(a - prev));
                turned += d;
                prev = a;
            }
            double degrees = Math.toDegrees(turned);
            if (label.equals("rotate_cw")) {
                assertTrue(degrees >= 85 && degrees <= 365, "cw turned " + degrees);
            } else {
                assertTrue(degrees <= -85 && degrees >= -365, "ccw turned " + degrees);
            }
        }
        SyntheticClip pick = synth.render("p", ActionClass.fromLabel("pick_place_down"), 4);
        double minSide = Double.MAX_VALUE;
        double maxSide = 0;
        for (int t = 0; t < 32; t++) {
            float[][] c = pick.productCorners()[t];
            double side = Math.hypot(c[1][0] - c[0][0], c[1][1] - c[0][1]);
            minSide = Math.min(minSide, side);
            maxSide = Math.max(maxSide, side);
        }
        assertEquals(1.15, maxSide / minSide, 1e-4);
        assertTrue(travel(pick)[1] > 10, "pick_place_down moves to the lower tray");
    }

    @Test
    void labelsAreUniqueAndParsable() {
        assertEquals(13, ActionClass.all().stream().map(ActionClass::label).distinct().count());
        for (ActionClass c : ActionClass.all()) {
            assertEquals(c, ActionClass.fromLabel(c.label()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActionClass.fromLabel("dance"));
        assertTrue(e.getMessage().startsWith("unknown action class 'dance', expected one of [pass_right, pass_left"));
        assertThrows(IllegalArgumentException.class, () -> new ActionClass(ActionKind.STALL, -1));
        assertThrows(IllegalArgumentException.class, () -> new SynthesisConfig(128, 96, 4, 10));
    }

    private static double edgeAngle(SyntheticClip clip, int t) {
        float[][] c = clip.productCorners()[t];
        return Math.atan2(c[1][1] - c[0][1], c[1][0] - c[0][0]);
    }
}
