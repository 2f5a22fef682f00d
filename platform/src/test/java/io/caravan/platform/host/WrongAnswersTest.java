package io.caravan.platform.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.commerce.application.TaxQuoteCheck;
import io.caravan.platform.host.application.FailureKind;
import io.caravan.platform.host.application.InvokerSettings;
import io.caravan.platform.host.application.MetricsSnapshot;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.model.Cart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A quote that does not answer the cart is the plugin's failure, as checkout calls it (the check runs
 * inside the call): the failure policy applies, the message names what was wrong, and the call counts
 * as a failure in the plugin's metrics and breaker.
 */
class WrongAnswersTest {
    private HostFixture host;

    @BeforeEach
    void start() {
        host = new HostFixture(InvokerSettings.defaults());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @ParameterizedTest
    @CsvSource({
        "foreign-currency, currency is JPY",
        "unknown-line, lineTaxes[1].lineRef \"no-such-line\" names no line of the cart",
        "giant-rate, lineTaxes[0].rate has scale -100000000"
    })
    void a_wrong_quote_fails_the_plugin_closed_and_counts_as_its_failure(String mode, String named) {
        host.install("a", host.publish("caravan-test-misbehaving.jar"), "{\"mode\":\"" + mode + "\"}");
        Cart cart = PluginHostTest.cart("DE");

        assertThatThrownBy(() -> host.invoker.invoke(
                        new StoreRef("a", "a"),
                        PluginPoint.TAX_CALCULATOR,
                        (calculator, context) -> TaxQuoteCheck.check(calculator.quote(context, cart), cart),
                        null))
                .isInstanceOfSatisfying(PluginFailedException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(FailureKind.ERROR);
                    assertThat(e.failure().message())
                            .contains("the quote does not answer the cart")
                            .contains(named)
                            .hasSizeLessThan(400);
                });
        MetricsSnapshot metrics = host.invoker.metrics().forStore("a").get(0);
        assertThat(metrics.answered()).isZero();
        assertThat(metrics.failures()).containsEntry(FailureKind.ERROR, 1L);
    }
}
