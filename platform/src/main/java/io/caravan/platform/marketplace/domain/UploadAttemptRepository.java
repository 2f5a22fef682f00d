package io.caravan.platform.marketplace.domain;

import java.time.Instant;
import java.util.List;

/** The uploads developers sent (platform-owned), for the per-developer upload rate. */
public interface UploadAttemptRepository {
    void add(UploadAttempt attempt);

    /** The times of a developer's attempts after {@code after} (not at it), oldest first. */
    List<Instant> attemptTimesAfter(String developerId, Instant after);
}
