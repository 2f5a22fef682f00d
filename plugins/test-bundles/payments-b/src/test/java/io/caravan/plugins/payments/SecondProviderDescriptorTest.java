package io.caravan.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.plugins.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The second provider's descriptor is the payments plugin's own but for the id, the name, the
 * version and the acquirer's default URL: the two bundles cannot drift apart unnoticed.
 */
class SecondProviderDescriptorTest {
    @Test
    void only_id_name_version_and_default_acquirer_differ_from_the_payments_plugin() throws IOException {
        Map<String, Object> original = Json.object(
                Json.parse(Files.readString(Path.of(System.getProperty("caravan.payments.descriptor")))), "descriptor");
        Map<String, Object> second;
        try (InputStream in = SecondProviderDescriptorTest.class.getResourceAsStream("/OSGI-INF/caravan-plugin.json")) {
            second = Json.object(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), "descriptor");
        }

        assertThat(second.get("id")).isEqualTo("test-payments-b");
        assertThat(second.get("version")).isEqualTo("1.0.0");
        String originalText = Json.write(without(original));
        String secondText =
                Json.write(without(second)).replace("http://localhost:8280/zenpay", "http://localhost:8280/acme");
        assertThat(secondText).isEqualTo(originalText);
    }

    private static Map<String, Object> without(Map<String, Object> descriptor) {
        Map<String, Object> copy = new java.util.TreeMap<>(descriptor);
        copy.remove("id");
        copy.remove("name");
        copy.remove("version");
        return copy;
    }
}
