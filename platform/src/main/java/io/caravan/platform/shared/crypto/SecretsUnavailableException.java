package io.caravan.platform.shared.crypto;

/** Secrets cannot be sealed or opened (no key configured, or a value that does not open). */
public class SecretsUnavailableException extends RuntimeException {
    public SecretsUnavailableException(String message) {
        super(message, null, false, false);
    }
}
