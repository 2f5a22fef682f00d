package io.caravan.plugins.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
    @Test
    void rfc_4231_test_cases_1_2_and_6() {
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(
                        HmacSha256.mac(hex.parseHex("0b".repeat(20)), "Hi There".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(hex.formatHex(HmacSha256.mac(
                        "Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want ".getBytes(StandardCharsets.US_ASCII),
                        "for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        // a key longer than the block is hashed first
        assertThat(hex.formatHex(HmacSha256.mac(
                        hex.parseHex("aa".repeat(131)),
                        "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void the_same_as_the_jdks_mac() throws Exception {
        byte[] key = "whsec_some_secret".getBytes(StandardCharsets.UTF_8);
        byte[] message = "1733140000.{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertThat(HmacSha256.mac(key, message)).isEqualTo(mac.doFinal(message));
    }
}
