package org.anomalyforge.generator.tokenizer;

import java.io.IOException;

/** A tokenizer file ({@code vocab.json}, {@code merges.txt}, {@code added_tokens.json}) is missing or malformed. */
public class TokenizerFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message names the file, the rule and the offending value or line */
    public TokenizerFileException(String message) {
        super(message);
    }

    /** @param message names the file and the rule; {@code cause} is the parser's error */
    public TokenizerFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
