package io.caravan.platform.host.infrastructure.sandbox;

/** A sandbox worker did not do what was asked: it has gone, broke the protocol, or did not answer in time. */
public class WorkerException extends Exception {
    private static final long serialVersionUID = 1L;

    public WorkerException(String message) {
        super(message);
    }

    /** Nothing came before the deadline. */
    public static final class Timeout extends WorkerException {
        private static final long serialVersionUID = 1L;

        public Timeout(String message) {
            super(message);
        }
    }

    /** The thread waiting for the worker was interrupted (the invoker stopped waiting). */
    public static final class Interrupted extends WorkerException {
        private static final long serialVersionUID = 1L;

        public Interrupted(String message) {
            super(message);
        }
    }
}
