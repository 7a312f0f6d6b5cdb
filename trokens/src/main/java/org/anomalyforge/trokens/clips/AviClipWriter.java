package org.anomalyforge.trokens.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * Writes Motion-JPEG AVI files through OpenCV's built-in {@code CAP_OPENCV_MJPEG} backend: the only video
 * container the bundled OpenCV can write (no FFmpeg, spec §4.2). Written to a temporary sibling and moved
 * into place, so a reader never sees a half-written file.
 *
 * @param jpegQuality MJPEG quality 1–100
 */
public record AviClipWriter(int jpegQuality) {

    public AviClipWriter {
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("jpegQuality must be in 1..100, got " + jpegQuality);
        }
    }

    /**
     * @param file   target, must end in {@code .avi}
     * @param frames at least one frame, all the same size
     * @param fps    frame rate stored in the container, &gt; 0
     */
    public void write(Path file, List<RgbImage> frames, double fps) throws IOException {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".avi")) {
            throw new ClipFormatException(file, "MJPEG clips must be written as .avi");
        }
        ClipFrames clip = new ClipFrames(file.getFileName().toString(), frames, fps);
        OpenCv.ensureLoaded();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp.avi");
        VideoWriter writer = new VideoWriter();
        MatOfInt params = new MatOfInt(Videoio.VIDEOWRITER_PROP_QUALITY, jpegQuality);
        try {
            boolean opened = writer.open(tmp.toString(), Videoio.CAP_OPENCV_MJPEG, VideoWriter.fourcc('M', 'J', 'P', 'G'),
                    fps, new Size(clip.width(), clip.height()), params);
            if (!opened || !writer.isOpened()) {
                throw new ClipFormatException(file, "OpenCV could not open an MJPEG AVI writer");
            }
            Mat rgb = new Mat(clip.height(), clip.width(), CvType.CV_8UC3);
            Mat bgr = new Mat();
            try {
                for (RgbImage f : clip.frames()) {
                    rgb.put(0, 0, f.pixels());
                    Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
                    writer.write(bgr);
                }
            } finally {
                rgb.release();
                bgr.release();
            }
        } finally {
            writer.release();
            params.release();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
