package io.caravan.platform.marketplace.application;

import java.time.Duration;

/**
 * A developer went over an upload quota ({@link UploadLimits}): too many uploads in the last hour
 * (answered 429 with Retry-After), or more stored bundle bytes than allowed (answered 413). Nothing
 * of the upload was checked or stored.
 */
public class UploadQuotaExceededException extends RuntimeException {
    /** Which quota. */
    public enum Quota {
        /** {@code caravan.uploads.per-developer.per-hour}. */
        RATE,
        /** {@code caravan.uploads.per-developer.max-bytes}. */
        STORED_BYTES
    }

    private final Quota quota;
    private final Duration retryAfter;

    public UploadQuotaExceededException(Quota quota, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.quota = quota;
        this.retryAfter = retryAfter;
    }

    public Quota quota() {
        return quota;
    }

    /** When an upload is admitted again (for {@link Quota#RATE}); null for the byte quota. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
