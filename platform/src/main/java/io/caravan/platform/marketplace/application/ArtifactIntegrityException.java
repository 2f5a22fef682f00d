package io.caravan.platform.marketplace.application;

/** A bundle is missing from the artifact store, or its bytes no longer match their SHA-256. */
public class ArtifactIntegrityException extends RuntimeException {
    public ArtifactIntegrityException(String message) {
        super(message);
    }
}
