package org.anomalyforge.trokens.tracking;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Converts RGB frames to 8-bit grey OpenCV mats; the caller releases them. */
final class GreyFrames {

    private GreyFrames() {}

    static List<Mat> of(List<RgbImage> frames) {
        OpenCv.ensureLoaded();
        List<Mat> out = new ArrayList<>(frames.size());
        for (RgbImage f : frames) {
            Mat rgb = new Mat(f.height(), f.width(), CvType.CV_8UC3);
            Mat grey = new Mat();
            rgb.put(0, 0, f.pixels());
            Imgproc.cvtColor(rgb, grey, Imgproc.COLOR_RGB2GRAY);
            rgb.release();
            out.add(grey);
        }
        return out;
    }
}
