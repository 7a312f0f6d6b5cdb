package org.anomalyforge.ingest.cameras;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.anomalyforge.ingest.frames.FrameEncoding;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * The encoded payloads a simulator replays, prepared before the run so that sending keeps the frame rate:
 * every source image and every clip frame is decoded, resized to {@code size × size} and encoded once.
 * Memory is frames × encoded size (a 256 px JPEG is about 20 KB).
 */
public final class FrameLibrary {

    private final FrameEncoding encoding;
    private final List<byte[]> payloads;

    private FrameLibrary(FrameEncoding encoding, List<byte[]> payloads) {
        this.encoding = encoding;
        this.payloads = payloads;
    }

    /** Decodes, resizes and encodes every image of {@code files} and every frame of each {@code .avi} clip. */
    public static FrameLibrary load(List<Path> files, FrameRendering rendering, ImageCodec codec) throws IOException {
        Objects.requireNonNull(rendering, "rendering must not be null");
        List<byte[]> payloads = new ArrayList<>();
        for (Path file : files) {
            if (FrameSource.isVideo(file)) {
                int before = payloads.size();
                readClip(file, image -> payloads.add(encode(image, rendering, codec)));
                if (payloads.size() == before) {
                    throw new ImageDecodeException(file.toString(), "clip has no frames");
                }
            } else {
                payloads.add(encode(codec.read(file), rendering, codec));
            }
        }
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("files must name at least one image or clip, got none");
        }
        return new FrameLibrary(rendering.encoding(), List.copyOf(payloads));
    }

    /** Wraps already-encoded payloads (all of {@code encoding}); for tests and callers that render themselves. */
    public static FrameLibrary of(FrameEncoding encoding, List<byte[]> payloads) {
        Objects.requireNonNull(encoding, "encoding must not be null");
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("payloads must hold at least one frame, got none");
        }
        return new FrameLibrary(encoding, payloads.stream().map(byte[]::clone).toList());
    }

    public FrameEncoding encoding() {
        return encoding;
    }

    public int size() {
        return payloads.size();
    }

    /** Payload {@code index % size()}; callers must not modify it. */
    byte[] payload(long index) {
        return payloads.get((int) Math.floorMod(index, (long) payloads.size()));
    }

    private static byte[] encode(RgbImage image, FrameRendering rendering, ImageCodec codec) {
        RgbImage sized = image.width() == rendering.size() && image.height() == rendering.size() ? image
                : ImageCodec.resize(image, rendering.size(), rendering.size(), Interpolation.AREA);
        return rendering.encoding() == FrameEncoding.JPEG ? codec.encodeJpeg(sized, rendering.jpegQuality())
                : codec.encodePng(sized);
    }

    /** Feeds every frame of an MJPG AVI clip, as RGB, to {@code sink} (STACK.md §5.6: MJPEG backend only). */
    private static void readClip(Path clip, java.util.function.Consumer<RgbImage> sink) throws ImageDecodeException {
        OpenCv.ensureLoaded();
        VideoCapture capture = new VideoCapture(clip.toString(), Videoio.CAP_OPENCV_MJPEG);
        Mat bgr = new Mat();
        try {
            if (!capture.isOpened()) {
                throw new ImageDecodeException(clip.toString(), "cannot open clip: only MJPG in .avi is supported "
                        + "by this OpenCV build");
            }
            while (capture.read(bgr) && !bgr.empty()) {
                Imgproc.cvtColor(bgr, bgr, Imgproc.COLOR_BGR2RGB);
                byte[] pixels = new byte[bgr.rows() * bgr.cols() * 3];
                bgr.get(0, 0, pixels);
                sink.accept(new RgbImage(bgr.cols(), bgr.rows(), pixels));
            }
        } finally {
            bgr.release();
            capture.release();
        }
    }
}
