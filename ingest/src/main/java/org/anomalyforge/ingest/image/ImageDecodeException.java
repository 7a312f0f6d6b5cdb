package org.anomalyforge.ingest.image;

import java.io.IOException;

/** An image or mask that cannot be accepted; the message names the source and what is wrong. */
public class ImageDecodeException extends IOException {
    public ImageDecodeException(String source, String problem) {
        super(source + ": " + problem);
    }
}
