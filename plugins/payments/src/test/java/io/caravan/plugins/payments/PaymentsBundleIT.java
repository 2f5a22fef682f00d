package io.caravan.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.runtime.DryRunResult;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.AuthorizationStatus;
import io.caravan.sdk.payments.NotificationResult;
import io.caravan.sdk.payments.PaymentAuthorizer;
import io.caravan.sdk.payments.PaymentCapturer;
import io.caravan.sdk.payments.PaymentNotificationHandler;
import io.caravan.sdk.payments.PaymentStatusQuery;
import io.caravan.sdk.payments.PaymentUpdateType;
import io.caravan.sdk.payments.StatusRequest;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginKind;
import io.caravan.stack.gateway.MerchantAccount;
import io.caravan.stack.gateway.SandboxPaymentGateway;
import io.caravan.testkit.PluginTestKit;
import io.caravan.testkit.TestPluginContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The built bundle loaded into Felix through the test kit the way the platform loads it (SDK-only
 * imports, its own class loader), passing the upload dry run, and paying against the real sandbox
 * gateway from inside the framework: the HMAC, the JSON and the data file all work there.
 */
class PaymentsBundleIT {
    private static PluginTestKit kit;

    static Path bundleJar() {
        String path = System.getProperty("caravan.plugin.bundle");
        assertThat(path)
                .as("system property caravan.plugin.bundle (set by the pom)")
                .isNotBlank();
        return Path.of(path);
    }

    @BeforeAll
    static void load() {
        kit = PluginTestKit.load(bundleJar());
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @Test
    void the_descriptor_offers_every_payments_point_and_health_with_its_three_secret_fields() {
        PluginDescriptor d = kit.descriptor();
        assertThat(d.id()).isEqualTo("caravan-payments");
        assertThat(d.kinds()).containsExactly(PluginKind.PAYMENTS);
        assertThat(d.extensions())
                .extracting(e -> e.point())
                .containsExactlyInAnyOrder(
                        ExtensionPoint.PAYMENT_METHODS,
                        ExtensionPoint.PAYMENT_SESSIONS,
                        ExtensionPoint.PAYMENT_AUTHORIZER,
                        ExtensionPoint.PAYMENT_STATUS,
                        ExtensionPoint.PAYMENT_CAPTURER,
                        ExtensionPoint.PAYMENT_VOIDER,
                        ExtensionPoint.PAYMENT_REFUNDER,
                        ExtensionPoint.PAYMENT_NOTIFICATIONS,
                        ExtensionPoint.HEALTH);
        assertThat(d.secretFields())
                .containsExactlyInAnyOrder(
                        "/acquirer/apiKey", "/acquirer/webhookSecret", "/bankTransfer/notificationSecret");
        assertThat(kit.bundle().getState()).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    void the_upload_dry_run_passes() {
        DryRunResult result = PluginTestKit.dryRun(bundleJar());
        assertThat(result.passed()).as(String.valueOf(result)).isTrue();
    }

    @Test
    void from_inside_the_framework_a_lost_answer_resolves_to_one_charge_and_its_webhook_verifies() {
        MerchantAccount account = RealGateway.account(SandboxPaymentGateway.ZENPAY);
        TestPluginContext context = RealGateway.context(account, "", "", Duration.ofSeconds(10));
        String attempt = AcquirerPaymentsTest.key();

        AuthorizationResult lost = kit.extension(PaymentAuthorizer.class)
                .authorize(context, AcquirerPaymentsTest.card(attempt, "tok_lost_answer", 990, "EUR"));
        AuthorizationResult found = kit.extension(PaymentStatusQuery.class)
                .status(context, new StatusRequest(attempt, null, Money.ofMinor(990, "EUR")));

        assertThat(lost.status()).isEqualTo(AuthorizationStatus.UNKNOWN);
        assertThat(found.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
        assertThat(RealGateway.ledger(account)).containsExactly("authorization:990");
        assertThat(kit.extension(PaymentCapturer.class)).isNotNull();

        PaymentNotificationHandler handler = kit.extension(PaymentNotificationHandler.class);
        assertThat(AcquirerPaymentsTest.until(() -> RealGateway.received(account).stream()
                        .map(n -> handler.handle(context, n))
                        .filter(NotificationResult::verified)
                        .anyMatch(r -> r.updates().stream().anyMatch(u -> u.type() == PaymentUpdateType.AUTHORIZED))))
                .isTrue();
    }
}
