package io.caravan.platform.marketplace.application;

import java.io.IOException;

/**
 * Plugin bundles, content-addressed by SHA-256. A bundle's bytes are checked against their name on
 * every read, so a file changed on disk is never loaded.
 */
public interface ArtifactStore {
    /** The largest bundle accepted: 32 MiB. */
    long MAX_BUNDLE_BYTES = 32L * 1024 * 1024;

    /**
     * Stores the bytes (a no-op when that content is already there).
     *
     * @return the lower-case hex SHA-256 of the bytes, which names them from now on
     */
    String put(byte[] bundle) throws IOException;

    /**
     * The bytes stored under a digest, verified.
     *
     * @throws ArtifactIntegrityException when no file holds that digest or its content no longer matches it
     */
    byte[] read(String sha256) throws IOException;
}
