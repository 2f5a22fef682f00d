package io.caravan.plugins.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) over {@link MessageDigest}: a plugin sees the SDK and the {@code java.*}
 * packages only, so {@code javax.crypto.Mac} does not resolve inside the platform's framework.
 * Checked against the JDK's {@code Mac} and the RFC 4231 vectors in the tests.
 */
public final class HmacSha256 {
    private static final int BLOCK = 64;

    private HmacSha256() {}

    /** HMAC-SHA256 of the parts, concatenated, with the key. */
    public static byte[] mac(byte[] key, byte[]... parts) {
        MessageDigest sha = sha256();
        byte[] k = key.length > BLOCK ? sha.digest(key) : key;
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        sha.reset();
        sha.update(inner);
        for (byte[] part : parts) {
            sha.update(part);
        }
        byte[] innerHash = sha.digest();
        sha.update(outer);
        return sha.digest(innerHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
