package io.caravan.platform.tenancy.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A store API key in clear: {@code cvk_} followed by 256 random bits, base64url. It exists only
 * in the response that creates it and in the requests that present it.
 */
public final class ApiKeySecret {
    private static final String MARKER = "cvk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ApiKeySecret(String value) {
        this.value = value;
    }

    public static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Wraps a presented key; returns null when it cannot be a Caravan key at all. */
    public static ApiKeySecret presented(String value) {
        if (value == null || !value.startsWith(MARKER) || value.length() != MARKER.length() + 43) {
            return null;
        }
        return new ApiKeySecret(value);
    }

    public String value() {
        return value;
    }

    /** The first characters, safe to show so an owner can tell keys apart. */
    public String prefix() {
        return value.substring(0, MARKER.length() + 6);
    }

    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return prefix() + "…";
    }
}
