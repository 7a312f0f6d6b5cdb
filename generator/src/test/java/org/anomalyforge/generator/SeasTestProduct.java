package org.anomalyforge.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A procedural product for SeaS tests (seas.md §14.1 #14, shrunk): a striped textured background with a centred
 * disc, two defect types ("blob": dark square blobs, "scratch": bright horizontal lines) at random places, masks
 * in {0, 255}, encoded as PNG.
 */
public final class SeasTestProduct {

    private static final ImageCodec CODEC = ImageCodec.withDefaults();

    private SeasTestProduct() {
    }

    /** {@code count} normal images of side {@code side}. */
    public static List<byte[]> normals(int count, int side, long seed) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(CODEC.encodePng(background(side, new SplittableRandom(seed + i))));
        }
        return out;
    }

    /** {@code perType} shots of each of the two types "blob" and "scratch". */
    public static List<ShotImage> shots(int perType, int side, long seed) {
        List<ShotImage> out = new ArrayList<>();
        for (String type : List.of("scratch", "blob")) {
            for (int i = 0; i < perType; i++) {
                SplittableRandom r = new SplittableRandom(seed * 31 + i + type.hashCode());
                RgbImage img = background(side, r);
                BinaryMask mask = BinaryMask.empty(side, side);
                int x0 = side / 8 + r.nextInt(side / 2);
                int y0 = side / 8 + r.nextInt(side / 2);
                int w = type.equals("blob") ? side / 4 : side / 2;
                int h = type.equals("blob") ? side / 4 : Math.max(2, side / 16);
                for (int y = y0; y < Math.min(side, y0 + h); y++) {
                    for (int x = x0; x < Math.min(side, x0 + w); x++) {
                        int v = type.equals("blob") ? 20 : 250;
                        img.set(x, y, v, v, type.equals("blob") ? 20 : 200);
                        mask.set(x, y, true);
                    }
                }
                out.add(new ShotImage(type + "-" + i, type, CODEC.encodePng(img), CODEC.encodeMaskPng(mask)));
            }
        }
        return out;
    }

    private static RgbImage background(int side, SplittableRandom r) {
        RgbImage img = RgbImage.blank(side, side);
        int phase = r.nextInt(8);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int stripe = ((x + y + phase) / 4) % 2 == 0 ? 150 : 120;
                int noise = r.nextInt(11) - 5;
                double dx = x - side / 2.0;
                double dy = y - side / 2.0;
                boolean disc = dx * dx + dy * dy < side * side / 9.0;
                int v = disc ? 90 + noise : stripe + noise;
                img.set(x, y, v, disc ? v : v + 10, disc ? v + 40 : v);
            }
        }
        return img;
    }
}
