package io.caravan.platform.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void a_sealed_value_opens_for_its_owner_only() {
        SecretBox box = SecretBox.withKey(KEY);
        String sealed = box.seal("sk_live_4242", "store-a/inst-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("sk_live_4242");
        assertThat(box.open(sealed, "store-a/inst-1")).isEqualTo("sk_live_4242");
        assertThatThrownBy(() -> box.open(sealed, "store-b/inst-1"))
                .isInstanceOf(SecretsUnavailableException.class)
                .hasMessageNotContaining("sk_live");
    }

    @Test
    void every_seal_uses_a_fresh_nonce() {
        SecretBox box = SecretBox.withKey(KEY);
        assertThat(box.seal("same", "o")).isNotEqualTo(box.seal("same", "o"));
    }

    @Test
    void a_changed_byte_or_another_key_does_not_open() {
        String sealed = SecretBox.withKey(KEY).seal("sk_live_4242", "o");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> SecretBox.withKey(KEY).open(tampered, "o"))
                .isInstanceOf(SecretsUnavailableException.class);
        assertThatThrownBy(() -> SecretBox.withKey(OTHER_KEY).open(sealed, "o"))
                .isInstanceOf(SecretsUnavailableException.class);
    }

    @Test
    void without_a_key_nothing_is_sealed_in_clear() {
        SecretBox box = new SecretBox();
        box.configuredKey = java.util.Optional.empty();
        box.readKey();

        assertThat(box.isConfigured()).isFalse();
        assertThatThrownBy(() -> box.seal("x", "o"))
                .isInstanceOf(SecretsUnavailableException.class)
                .hasMessageContaining("caravan.secrets.key");
    }

    @Test
    void a_key_of_the_wrong_size_is_refused_at_start() {
        assertThatThrownBy(() -> SecretBox.withKey(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
