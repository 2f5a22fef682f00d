package io.caravan.platform.it.matrix;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Tokens an attacker could make from a real one: re-signed, tampered with, or unsigned. */
final class Tokens {
    private Tokens() {}

    /**
     * The same header (key id included) and claims, signed RS256 with a key pair made here: right
     * claims, unexpired, wrong signer.
     */
    static String selfSigned(String token) {
        String[] parts = token.split("\\.");
        JsonObject header = json(decode(parts[0]));
        String forgedHeader = encode(
                Json.createObjectBuilder(header).add("alg", "RS256").build().toString());
        String signingInput = forgedHeader + "." + parts[1];
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(pair.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token whose payload now also claims membership of {@code into}; the signature no longer matches. */
    static String claimingStore(String token, String into) {
        String[] parts = token.split("\\.");
        String payload = decode(parts[1]);
        if (!payload.contains("\"organization\":[")) {
            throw new IllegalStateException("token has no organization claim: " + payload);
        }
        String forged = payload.replace("\"organization\":[", "\"organization\":[\"" + into + "\",");
        return parts[0] + "." + encode(forged) + "." + parts[2];
    }

    /** The same claims with {@code alg: none} and no signature. */
    static String unsigned(String token) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
