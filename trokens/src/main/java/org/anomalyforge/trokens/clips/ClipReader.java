package org.anomalyforge.trokens.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * Reads a clip from an MJPEG {@code .avi} file ({@code CAP_OPENCV_MJPEG}, opened explicitly to avoid noisy
 * probing) or a frame folder ({@code .jpg/.jpeg/.png/.bmp}, sorted lexicographically). Any other container
 * fails naming the file and suggesting a conversion (spec §4.2).
 *
 * @param codec decodes folder frames and enforces the pixel limit
 */
public record ClipReader(ImageCodec codec) {

    private static final List<String> IMAGE_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".bmp");
    private static final List<String> VIDEO_SUFFIXES = List.of(".mp4", ".mov", ".mkv", ".webm", ".m4v", ".mpg",
            ".mpeg", ".wmv", ".flv", ".3gp");

    /** The conversion hint shown for unsupported containers. */
    public static final String CONVERSION_HINT = "only Motion-JPEG .avi files and frame folders are supported by the"
            + " bundled OpenCV (no FFmpeg); convert with: ffmpeg -i input.mp4 -c:v mjpeg -q:v 3 -an output.avi";

    public ClipReader {
        java.util.Objects.requireNonNull(codec, "codec must not be null");
    }

    /**
     * @param path       an {@code .avi} file or a frame folder
     * @param clipId     names the clip in errors and in the result
     * @param folderFps  frame rate of a frame folder (ignored for videos, which use the container's rate);
     *                   must be &gt; 0 for folders
     */
    public ClipFrames read(Path path, String clipId, double folderFps) throws IOException {
        if (Files.isDirectory(path)) {
            if (!(folderFps > 0)) {
                throw new ClipFormatException(path, "frame folder needs fps > 0, got " + folderFps);
            }
            return new ClipFrames(clipId, readFolder(path), folderFps);
        }
        checkSupportedVideo(path);
        return readAvi(path, clipId);
    }

    /** Throws unless {@code path} is an existing, readable {@code .avi} file. */
    public static void checkSupportedVideo(Path path) throws ClipFormatException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".avi")) {
            String kind = VIDEO_SUFFIXES.stream().anyMatch(name::endsWith) ? "unsupported video container"
                    : "not a video file or frame folder";
            throw new ClipFormatException(path, kind + "; " + CONVERSION_HINT);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ClipFormatException(path, "missing or unreadable video file");
        }
    }

    private ClipFrames readAvi(Path path, String clipId) throws IOException {
        OpenCv.ensureLoaded();
        VideoCapture capture = new VideoCapture(path.toString(), Videoio.CAP_OPENCV_MJPEG);
        Mat bgr = new Mat();
        Mat rgb = new Mat();
        try {
            if (!capture.isOpened()) {
                throw new ClipFormatException(path, "OpenCV cannot open it as MJPEG AVI; " + CONVERSION_HINT);
            }
            double fps = capture.get(Videoio.CAP_PROP_FPS);
            if (!(fps > 0)) {
                throw new ClipFormatException(path, "container reports fps " + fps + ", expected > 0");
            }
            List<RgbImage> frames = new ArrayList<>();
            while (capture.read(bgr) && !bgr.empty()) {
                long pixels = (long) bgr.cols() * bgr.rows();
                if (pixels > codec.maxPixels()) {
                    throw new ClipFormatException(path, "frame of " + bgr.cols() + "×" + bgr.rows() + " = " + pixels
                            + " pixels is over the limit of " + codec.maxPixels());
                }
                Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
                byte[] data = new byte[bgr.cols() * bgr.rows() * 3];
                rgb.get(0, 0, data);
                frames.add(new RgbImage(bgr.cols(), bgr.rows(), data));
            }
            if (frames.isEmpty()) {
                throw new ClipFormatException(path, "video contains no decodable frames");
            }
            return new ClipFrames(clipId, frames, fps);
        } finally {
            capture.release();
            bgr.release();
            rgb.release();
        }
    }

    private List<RgbImage> readFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> Files.isRegularFile(p) && IMAGE_SUFFIXES.stream()
                            .anyMatch(suf -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suf)))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new ClipFormatException(folder, "frame folder contains no .jpg/.jpeg/.png/.bmp frames");
        }
        List<RgbImage> frames = new ArrayList<>(files.size());
        for (Path f : files) {
            frames.add(codec.read(f));
        }
        return frames;
    }
}
