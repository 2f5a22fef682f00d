package io.caravan.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.PaymentCapability;
import io.caravan.sdk.payments.PaymentMethod;
import io.caravan.testkit.TestPluginContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which methods a cart is offered: COD by destination and amount, bank transfer, acquirer methods by currency. */
class PaymentsMethodsTest {
    private static final String ACQUIRER = "\"acquirer\":{\"apiKey\":\"sk_test\",\"webhookSecret\":\"whsec\"}";
    private final PaymentsMethods methods = new PaymentsMethods();

    @Test
    void the_reference_data_lists_cash_on_delivery_countries() {
        assertThat(CashOnDelivery.DATA_COUNTRIES)
                .contains("PH", "IN", "AE", "MX", "JP")
                .doesNotContain("DE", "US");
    }

    @Test
    void a_philippine_cart_is_offered_cod_with_its_fee_and_the_wallets_that_take_pesos() {
        List<PaymentMethod> offered = offer(
                "{" + ACQUIRER + ",\"cashOnDelivery\":{\"fee\":5000,\"maximumAmount\":1000000}}",
                cart("PHP", "PH", 300000));

        assertThat(offered)
                .extracting(PaymentMethod::methodCode)
                .containsExactly("cash_on_delivery", "card", "gcash", "grabpay");
        PaymentMethod cod = offered.getFirst();
        assertThat(cod.fee()).isEqualTo(Money.ofMinor(5000, "PHP"));
        assertThat(cod.maximumAmount()).isEqualTo(Money.ofMinor(1000000, "PHP"));
        assertThat(cod.confirmationRequired()).isTrue();
        PaymentMethod card = offered.get(1);
        assertThat(card.capabilities()).contains(PaymentCapability.SEPARATE_CAPTURE, PaymentCapability.PARTIAL_CAPTURE);
        assertThat(card.authorizationValidity()).isEqualTo(Duration.ofDays(7));
        assertThat(offered.get(2).pendingExpiry()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void the_merchants_overrides_add_and_remove_cod_countries_and_the_maximum_applies() {
        assertThat(codes(offer("{\"cashOnDelivery\":{\"addCountries\":[\"DE\"]}}", cart("EUR", "DE", 1000))))
                .containsExactly("cash_on_delivery");
        assertThat(codes(offer("{\"cashOnDelivery\":{\"removeCountries\":[\"PH\"]}}", cart("PHP", "PH", 1000))))
                .isEmpty();
        assertThat(codes(offer("{\"cashOnDelivery\":{\"maximumAmount\":999}}", cart("PHP", "PH", 1000))))
                .isEmpty();
        assertThat(codes(offer("{\"cashOnDelivery\":{\"enabled\":false}}", cart("PHP", "PH", 1000))))
                .isEmpty();
    }

    @Test
    void a_mexican_cart_gets_the_oxxo_voucher_captured_when_paid_and_a_euro_cart_only_cards() {
        List<PaymentMethod> mx = offer("{" + ACQUIRER + "}", cart("MXN", "MX", 50000));
        assertThat(codes(mx)).containsExactly("cash_on_delivery", "card", "oxxo");
        PaymentMethod oxxo = mx.get(2);
        assertThat(oxxo.capabilities()).doesNotContain(PaymentCapability.SEPARATE_CAPTURE);
        assertThat(oxxo.pendingExpiry()).isEqualTo(Duration.ofDays(3));

        assertThat(codes(offer("{" + ACQUIRER + "}", cart("EUR", "DE", 50000)))).containsExactly("card");
    }

    @Test
    void no_api_key_no_acquirer_methods_and_a_bank_account_adds_bank_transfer() {
        String bank = "\"bankTransfer\":{\"enabled\":true,\"accountHolder\":\"A\",\"iban\":\"DE89370400440532013000\","
                + "\"bic\":\"COBADEFFXXX\",\"currencies\":[\"EUR\"]}";
        assertThat(codes(offer("{" + bank + "}", cart("EUR", "DE", 1000)))).containsExactly("bank_transfer");
        assertThat(codes(offer("{" + bank + "}", cart("USD", "US", 1000)))).isEmpty();
    }

    private List<PaymentMethod> offer(String config, Cart cart) {
        return methods.availableMethods(TestPluginContext.withConfiguration(config), cart);
    }

    private static List<String> codes(List<PaymentMethod> methods) {
        return methods.stream().map(PaymentMethod::methodCode).toList();
    }

    private static Cart cart(String currency, String country, long amount) {
        return Cart.builder()
                .currency(currency)
                .line(LineItem.builder()
                        .lineId("l1")
                        .sku("SKU-1")
                        .unitPrice(Money.ofMinor(amount, currency))
                        .origin(CountryCode.of("PT"))
                        .build())
                .shipTo(CountryCode.of(country), "City")
                .orderDate(java.time.LocalDate.of(2026, 12, 2))
                .build();
    }
}
