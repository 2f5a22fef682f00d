package io.caravan.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.HealthStatus;
import io.caravan.stack.gateway.MerchantAccount;
import io.caravan.stack.gateway.SandboxPaymentGateway;
import io.caravan.testkit.RealEgress;
import io.caravan.testkit.TestPluginContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The plugin's health against the REAL sandbox gateway: a good key is UP, a refused one DOWN, and why. */
class PaymentsHealthTest {
    private final PaymentsHealth health = new PaymentsHealth();

    @Test
    void a_key_the_acquirer_accepts_is_up_and_the_check_changes_nothing_there() {
        MerchantAccount account = RealGateway.account(SandboxPaymentGateway.ACME);
        TestPluginContext context = RealGateway.context(account, "", "", Duration.ofSeconds(2));

        assertThat(health.check(context)).isEqualTo(HealthReport.up());
        assertThat(context.sentRequests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.uri().getPath()).isEqualTo("/acme/v1/account");
        });
        assertThat(RealGateway.ledger(account)).isEmpty();
    }

    @Test
    void a_key_of_another_provider_is_down_naming_the_refusal_and_the_field_to_fix() {
        MerchantAccount other = RealGateway.account(SandboxPaymentGateway.ZENPAY);
        TestPluginContext wrongKey = TestPluginContext.builder()
                .configuration("{\"acquirer\":{\"baseUrl\":\"" + RealGateway.baseUrl("acme") + "\",\"apiKey\":\""
                        + other.apiKey() + "\",\"webhookSecret\":\"whsec_x\"}}")
                .allowHosts("localhost")
                .egress(RealEgress::send)
                .timeout(Duration.ofSeconds(2))
                .build();

        HealthReport report = health.check(wrongKey);

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.detail()).contains("refused the API key", "HTTP 401", "acquirer.apiKey");
        assertThat(report.detail()).doesNotContain(other.apiKey());
    }

    @Test
    void an_acquirer_nobody_answers_at_is_down() {
        TestPluginContext unreachable = TestPluginContext.builder()
                .configuration("{\"acquirer\":{\"baseUrl\":\"http://localhost:9/acme\",\"apiKey\":\"sk_x\","
                        + "\"webhookSecret\":\"whsec_x\"}}")
                .allowHosts("localhost")
                .egress(RealEgress::send)
                .timeout(Duration.ofSeconds(2))
                .build();

        HealthReport report = health.check(unreachable);

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.detail()).startsWith("The acquirer at localhost did not answer");
    }

    @Test
    void an_enabled_acquirer_without_a_key_or_webhook_secret_is_degraded_and_cod_only_is_up() {
        TestPluginContext noKey = TestPluginContext.builder()
                .configuration("{\"acquirer\":{\"enabled\":true}}")
                .build();
        assertThat(health.check(noKey).status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.check(noKey).detail()).contains("no API key");

        MerchantAccount account = RealGateway.account(SandboxPaymentGateway.ACME);
        TestPluginContext noSecret = TestPluginContext.builder()
                .configuration("{\"acquirer\":{\"baseUrl\":\"" + RealGateway.baseUrl("acme") + "\",\"apiKey\":\""
                        + account.apiKey() + "\"}}")
                .allowHosts("localhost")
                .egress(RealEgress::send)
                .timeout(Duration.ofSeconds(2))
                .build();
        assertThat(health.check(noSecret).status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.check(noSecret).detail()).contains("webhookSecret");

        TestPluginContext codOnly = TestPluginContext.builder()
                .configuration("{\"acquirer\":{\"enabled\":false},\"cashOnDelivery\":{\"enabled\":true}}")
                .build();
        assertThat(health.check(codOnly)).isEqualTo(HealthReport.up());
    }
}
