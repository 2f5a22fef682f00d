package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.Permissions;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigurationValidatorTest {
    private static final PluginDescriptor PAYMENTS = new PluginDescriptor(
            "acme-pay",
            "ACME Pay",
            "1.0.0",
            "[1.0,2.0)",
            Set.of(PluginKind.PAYMENTS),
            List.of(new Extension(ExtensionPoint.PAYMENT_AUTHORIZER, "com.acme.Pay", FailurePolicy.FAIL_CLOSED)),
            """
            {"type":"object","additionalProperties":false,"required":["merchantId","credentials"],
             "properties":{"merchantId":{"type":"string","pattern":"^M[0-9]{4}$"},
               "credentials":{"type":"object","additionalProperties":false,"required":["apiKey"],
                 "properties":{"apiKey":{"type":"string","minLength":10}}}}}""",
            Set.of("/credentials/apiKey"),
            Permissions.none());

    private final ConfigurationValidator validator = new ConfigurationValidator();

    @Test
    void secrets_are_taken_out_of_what_is_shown() {
        var valid = validator.validate(
                "r1", PAYMENTS, "{\"merchantId\":\"M1234\",\"credentials\":{\"apiKey\":\"sk_live_abcdef\"}}", Map.of());

        assertThat(valid.publicJson()).isEqualTo("{\"merchantId\":\"M1234\",\"credentials\":{}}");
        assertThat(valid.secrets()).containsExactly(Map.entry("/credentials/apiKey", "sk_live_abcdef"));
    }

    @Test
    void an_omitted_secret_keeps_the_stored_value_and_null_clears_it() {
        Map<String, String> stored = Map.of("/credentials/apiKey", "sk_live_abcdef");

        var kept = validator.validate("r1", PAYMENTS, "{\"merchantId\":\"M9999\"}", stored);
        assertThat(kept.secrets()).containsEntry("/credentials/apiKey", "sk_live_abcdef");
        assertThat(kept.publicJson()).contains("M9999").doesNotContain("sk_live");

        assertThatThrownBy(() -> validator.validate(
                        "r1", PAYMENTS, "{\"merchantId\":\"M9999\",\"credentials\":{\"apiKey\":null}}", stored))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("apiKey");
    }

    @Test
    void schema_errors_name_the_fields_and_never_echo_a_secret() {
        assertThatThrownBy(() -> validator.validate(
                        "r1",
                        PAYMENTS,
                        "{\"merchantId\":\"nope\",\"credentials\":{\"apiKey\":\"short\"},\"extra\":1}",
                        Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("merchantId")
                .hasMessageContaining("extra")
                .hasMessageNotContaining("short\"");
    }

    @Test
    void every_field_at_fault_is_listed_under_its_own_name() {
        InvalidInputException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidInputException.class,
                () -> validator.validate(
                        "r1",
                        PAYMENTS,
                        "{\"merchantId\":\"nope\",\"credentials\":{\"apiKey\":\"short-key\"},\"extra\":1}",
                        Map.of()));
        assertThat(refused.fields())
                .extracting(InvalidInputException.FieldIssue::field)
                .containsExactly("configuration.credentials.apiKey", "configuration.extra", "configuration.merchantId");
        assertThat(refused.fields()).allSatisfy(f -> {
            assertThat(f.message()).contains("acme-pay 1.0.0").doesNotStartWith("$");
            assertThat(f.message()).doesNotContain("short-key");
        });

        InvalidInputException missing = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidInputException.class,
                () -> validator.validate("r1", PAYMENTS, "{\"credentials\":{}}", Map.of()));
        assertThat(missing.fields())
                .extracting(InvalidInputException.FieldIssue::field)
                .containsExactly("configuration.credentials.apiKey", "configuration.merchantId");
    }

    @Test
    void a_secret_must_be_a_string() {
        assertThatThrownBy(() -> validator.validate(
                        "r1",
                        PAYMENTS,
                        "{\"merchantId\":\"M1234\",\"credentials\":{\"apiKey\":12345678901}}",
                        Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/credentials/apiKey is a secret and must be a string");
    }

    @Test
    void not_an_object_is_a_clear_error() {
        assertThatThrownBy(() -> validator.validate("r1", PAYMENTS, "[1,2]", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("configuration must be a JSON object");
    }

    @Test
    void a_number_past_double_range_is_refused_naming_the_field_not_a_500() {
        PluginDescriptor numbers = new PluginDescriptor(
                "acme-num",
                "ACME",
                "1.0.0",
                "[1.0,2.0)",
                Set.of(PluginKind.PAYMENTS),
                List.of(new Extension(ExtensionPoint.PAYMENT_AUTHORIZER, "com.acme.Pay", FailurePolicy.FAIL_CLOSED)),
                """
                {"type":"object","properties":{"limit":{"type":"number"},"count":{"type":"integer"}}}""",
                Set.of(),
                Permissions.none());

        assertThatThrownBy(() -> validator.validate("n1", numbers, "{\"limit\":-1e400}", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> validator.validate("n1", numbers, "{\"limit\":[1, 2e308]}", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/limit/1");
        assertThatThrownBy(() -> validator.validate("n1", numbers, "{\"count\":1e400}", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("count");
    }

    @Test
    void a_pattern_is_anchored_at_the_true_end_of_input() {
        assertThatThrownBy(() -> validator.validate(
                        "r1",
                        PAYMENTS,
                        "{\"merchantId\":\"M1234\\n\",\"credentials\":{\"apiKey\":\"sk_live_abcdef\"}}",
                        Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("merchantId");
    }

    @Test
    void a_member_named_twice_is_refused() {
        assertThatThrownBy(() -> validator.validate(
                        "r1",
                        PAYMENTS,
                        "{\"merchantId\":\"M1234\",\"merchantId\":\"M9999\",\"credentials\":{\"apiKey\":\"sk_live_abcdef\"}}",
                        Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("merchantId");
    }
}
