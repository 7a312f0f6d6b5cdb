package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/** One sampled, defect-free product surface: its layout parameters, its rendering and its defects. */
interface ProductSurface {

    /** The defect-free surface, size × size. Deterministic: the same surface always renders the same pixels. */
    RgbImage render();

    /**
     * Paints one defect on {@code surface} (the result of {@link #render()}).
     *
     * @param defect one of the product kind's {@link ProductKind#defectTypes()}
     * @param random the defect's own stream: shape, position and colour
     */
    SampleImage paintDefect(String defect, RgbImage surface, SplittableRandom random);
}
