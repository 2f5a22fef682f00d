package io.caravan.platform.shared.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encryption at rest for secrets (plugin configuration fields marked secret): AES-256-GCM with a
 * random 96-bit nonce per value and the owner of the value (e.g. store and installation) as
 * associated data, so a sealed value copied onto another row does not open. The key comes from
 * MicroProfile Config {@code caravan.secrets.key} (32 bytes, Base64); without one nothing can be
 * sealed, and the platform says so instead of storing secrets in clear.
 *
 * <p>Sealed form: {@code v1:<base64(nonce || ciphertext || tag)>}; the version prefix leaves room
 * for key rotation.
 */
@ApplicationScoped
public class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    @ConfigProperty(name = "caravan.secrets.key")
    Optional<String> configuredKey;

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    /** For tests outside the container. */
    public static SecretBox withKey(String base64Key) {
        SecretBox box = new SecretBox();
        box.configuredKey = Optional.of(base64Key);
        box.readKey();
        return box;
    }

    @PostConstruct
    void readKey() {
        key = configuredKey.filter(k -> !k.isBlank()).map(SecretBox::decode).orElse(null);
    }

    private static SecretKey decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("caravan.secrets.key is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("caravan.secrets.key must be 32 bytes (256 bits), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean isConfigured() {
        return key != null;
    }

    /** Encrypts {@code plaintext} bound to {@code owner}. */
    public String seal(String plaintext, String owner) {
        requireKey();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every JDK", e);
        }
    }

    /**
     * Decrypts a value sealed for {@code owner}.
     *
     * @throws SecretsUnavailableException when the value was sealed with another key or for another owner
     */
    public String open(String sealed, String owner) {
        requireKey();
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SecretsUnavailableException("a stored secret is in an unknown format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never include the value or the key in the message
            throw new SecretsUnavailableException("a stored secret cannot be decrypted with the configured key");
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new SecretsUnavailableException("this platform has no secrets key (caravan.secrets.key), so secret"
                    + " fields cannot be stored or read");
        }
    }
}
