package io.caravan.stack;

import java.nio.file.Path;

/**
 * A server could not be prepared, started or reached. {@link #reason()} is the one-line cause;
 * the message adds the end of the log that explains it (what a test failure should show).
 */
public final class StackException extends RuntimeException {
    private static final int TAIL_LINES = 80;

    private final String reason;
    private final transient Path log;

    public StackException(String reason, Path log) {
        super(log == null ? reason : reason + ". Log " + log + ":\n" + Processes.tail(log, TAIL_LINES));
        this.reason = reason;
        this.log = log;
    }

    public String reason() {
        return reason;
    }

    /** The log that tells more, or null. */
    public Path log() {
        return log;
    }
}
