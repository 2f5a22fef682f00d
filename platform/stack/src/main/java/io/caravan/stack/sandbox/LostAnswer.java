package io.caravan.stack.sandbox;

/**
 * Thrown out of a handler to close the connection without an answer: the JDK server closes the
 * connection of an exchange whose handler throws, and the client sees the stream end before any
 * status line — the "charged but the answer was lost" case.
 */
public final class LostAnswer extends RuntimeException {
    public LostAnswer() {
        super("the sandbox drops this answer on purpose", null, false, false);
    }
}
