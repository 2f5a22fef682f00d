package io.caravan.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.sdk.carriers.Consignment;
import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.carriers.CustomsItem;
import io.caravan.sdk.carriers.DeliveryEstimate;
import io.caravan.sdk.carriers.ExclusionReason;
import io.caravan.sdk.carriers.RateExclusion;
import io.caravan.sdk.carriers.RateQuote;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.RateResult;
import io.caravan.sdk.carriers.Warehouse;
import io.caravan.sdk.carriers.WarehouseKind;
import io.caravan.sdk.events.Cancellation;
import io.caravan.sdk.events.CancelledBy;
import io.caravan.sdk.events.OrderEvent;
import io.caravan.sdk.events.PaymentChange;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.AppliedDiscount;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.Fee;
import io.caravan.sdk.model.FeeKind;
import io.caravan.sdk.model.FulfilmentStatus;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.model.OrderStatus;
import io.caravan.sdk.model.OrderTotals;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.PaymentStatus;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.ReturnStatus;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.ExchangeRate;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.AuthorizationRequest;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.CaptureRequest;
import io.caravan.sdk.payments.Decline;
import io.caravan.sdk.payments.DeclineCategory;
import io.caravan.sdk.payments.NotificationResult;
import io.caravan.sdk.payments.PaymentAction;
import io.caravan.sdk.payments.PaymentCapability;
import io.caravan.sdk.payments.PaymentMethod;
import io.caravan.sdk.payments.PaymentMethodType;
import io.caravan.sdk.payments.PaymentOperationResult;
import io.caravan.sdk.payments.PaymentSession;
import io.caravan.sdk.payments.PaymentSessionRequest;
import io.caravan.sdk.payments.PaymentUpdate;
import io.caravan.sdk.payments.PaymentUpdateType;
import io.caravan.sdk.payments.RefundRequest;
import io.caravan.sdk.payments.ResumeRequest;
import io.caravan.sdk.payments.StatusRequest;
import io.caravan.sdk.payments.VoidRequest;
import io.caravan.sdk.plugin.StoredValue;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SDK values cross the sandbox protocol unchanged, and what the SDK would refuse is refused. */
class SandboxJsonTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final CountryCode PT = CountryCode.of("PT");

    static Money eur(long minor) {
        return Money.ofMinor(minor, "EUR");
    }

    static Cart cart() {
        LineItem line = LineItem.builder()
                .lineId("l1")
                .productId("p1")
                .variantId("v1")
                .sku("sku-1")
                .title("Mug")
                .quantity(2)
                .unitPrice(eur(1_000))
                .discount(eur(200))
                .weightGrams(400)
                .dimensions(new Dimensions(120, 90, 90))
                .hsCode(HsCode.of("691200"))
                .origin(PT)
                .shipFrom(CountryCode.of("NL"))
                .categories(List.of("kitchen/mugs"))
                .flags(LineFlag.FRAGILE, LineFlag.PERSONALISED)
                .build();
        return Cart.builder()
                .currency("EUR")
                .prices(PriceDisplay.EXCLUDING_TAX)
                .line(line)
                .shipping(eur(500))
                .shippingDiscount(eur(100))
                .fee(new Fee(
                        "cod-fee", FeeKind.PAYMENT_METHOD, "Cash on delivery", eur(300), eur(50), TaxCategory.STANDARD))
                .discount(new AppliedDiscount("WELCOME", "Welcome", "store", eur(350)))
                .shipTo(new Address(CountryCode.of("DE"), null, null, "City", List.of(), null))
                .customer(new Customer("c1", null, null, null))
                .orderDate(LocalDate.parse("2026-11-23"))
                .build();
    }

    static Order order() {
        return new Order(
                "o-1",
                cart(),
                new OrderTotals(eur(2_000), eur(500), eur(300), eur(350), eur(466), eur(0), eur(2_916)),
                Map.of("l1", eur(342)),
                AT,
                OrderStatus.CONFIRMED,
                PaymentStatus.AUTHORIZED,
                FulfilmentStatus.AWAITING_CONFIRMATION,
                ReturnStatus.NONE);
    }

    static TaxQuote quote(BigDecimal rate) {
        Money base = Money.ofMinor(2_000, "EUR");
        return new TaxQuote(
                Currency.getInstance("EUR"),
                PriceDisplay.EXCLUDING_TAX,
                DutyTreatment.DAP,
                List.of(new TaxLine(
                        "l1", base, Money.ofMinor(200, "EUR"), rate, "DE", "r", "10 %", CollectedAt.CHECKOUT)),
                List.of(),
                List.of(new TaxLine("cod-fee", eur(250), eur(25), rate, "DE", "r", "10 %", CollectedAt.CHECKOUT)),
                List.of(),
                List.of("n"));
    }

    /** One value of every SDK record the platform and a sandboxed plugin exchange for payments, carriers and events. */
    static List<Object> commerceValues() {
        Warehouse rotterdam = new Warehouse(
                "rotterdam",
                new Address(CountryCode.of("NL"), null, "3011", "Rotterdam", List.of("Kade 1"), null),
                WarehouseKind.OVERSEAS,
                1);
        Consignment consignment = new Consignment(
                "c1",
                rotterdam,
                List.of(ConsignmentLine.of(cart().lines().get(0))),
                List.of(new Parcel(900, new Dimensions(300, 200, 100), eur(1_800), List.of("l1"))),
                eur(1_800));
        DeliveryEstimate eta = DeliveryEstimate.of(LocalDate.parse("2026-11-23"), 1, 2, 3);
        ExchangeRate usdEur = new ExchangeRate(
                Currency.getInstance("USD"), Currency.getInstance("EUR"), new BigDecimal("0.9210"), AT, "ECB");
        return List.of(
                cart(),
                order(),
                new OrderEvent("e-1", "o-1", 1, 1, OrderEventType.PLACED, AT, order(), null, null),
                new OrderEvent(
                        "e-2",
                        "o-1",
                        2,
                        1,
                        OrderEventType.PAYMENT_CAPTURED,
                        AT,
                        order(),
                        new PaymentChange("card", eur(2_916), "acme-pay"),
                        null),
                new OrderEvent(
                        "e-3",
                        "o-1",
                        3,
                        1,
                        OrderEventType.CANCELLED,
                        AT,
                        order(),
                        null,
                        new Cancellation("customer_request", CancelledBy.SHOPPER)),
                new PaymentMethod(
                        "card",
                        "Card",
                        PaymentMethodType.CARD,
                        EnumSet.allOf(PaymentCapability.class),
                        null,
                        null,
                        false,
                        null,
                        Duration.ofDays(7)),
                new PaymentMethod(
                        "cash_on_delivery",
                        "Cash on delivery",
                        PaymentMethodType.CASH_ON_DELIVERY,
                        Set.of(),
                        eur(300),
                        eur(50_000),
                        true,
                        Duration.ofDays(14),
                        null),
                new PaymentSessionRequest(
                        "att-1",
                        "o-1",
                        "card",
                        eur(2_916),
                        new Customer("c1", null, null, null),
                        URI.create("https://shop.example/return")),
                new PaymentSession("ps_1", Map.of("clientSecret", "cs_1"), AT),
                new AuthorizationRequest(
                        "att-1",
                        "o-1",
                        "card",
                        eur(2_916),
                        new Customer("c1", null, null, null),
                        null,
                        "tok_1",
                        URI.create("https://shop.example/return"),
                        "ps_1"),
                new ResumeRequest("att-1", "pi_1", Map.of("redirectResult", "xyz")),
                new StatusRequest("att-1", null, eur(2_916)),
                AuthorizationResult.authorized("pi_1", eur(2_916), AT),
                AuthorizationResult.captured("pi_1", eur(2_916)),
                AuthorizationResult.pending("pi_1", eur(2_916), AT),
                AuthorizationResult.declined("pi_1", new Decline(DeclineCategory.SOFT, "insufficient_funds", "m")),
                AuthorizationResult.notAttempted("method unavailable"),
                AuthorizationResult.unknown(null, "timeout"),
                AuthorizationResult.actionRequired(
                        "pi_1", PaymentAction.redirect(URI.create("https://pay.example/3ds"))),
                AuthorizationResult.actionRequired(
                        "pi_1",
                        PaymentAction.postRedirect(URI.create("https://pay.example/acs"), Map.of("PaReq", "x"))),
                AuthorizationResult.actionRequired("pi_1", PaymentAction.qr("000201010212", AT)),
                AuthorizationResult.actionRequired("pi_1", PaymentAction.voucher("1234", null, "Pay at OXXO", AT)),
                AuthorizationResult.actionRequired("pi_1", PaymentAction.sdk(Map.of("token", "t"))),
                AuthorizationResult.actionRequired("pi_1", PaymentAction.bankDetails("IBAN …, ref O-1", AT)),
                new CaptureRequest("op-1", "pi_1", eur(1_000), false),
                new VoidRequest("op-2", "pi_1", eur(1_916), "cancelled"),
                new RefundRequest("op-3", "pi_1", eur(500), null),
                PaymentOperationResult.succeeded("ch_1", eur(1_000)),
                PaymentOperationResult.failed(eur(1_000), "amount_exceeds_authorization"),
                PaymentOperationResult.unknown(eur(1_000), null),
                NotificationResult.verified(List.of(new PaymentUpdate(
                        PaymentUpdateType.DISPUTE_OPENED, "pi_1", "dp_1", "att-1", eur(2_916), AT, "fraudulent"))),
                NotificationResult.rejected(),
                new RateRequest(
                        List.of(consignment),
                        cart().shipTo(),
                        Currency.getInstance("EUR"),
                        LocalDate.parse("2026-11-23"),
                        DutyTreatment.DDP),
                new RateResult(
                        List.of(new RateQuote(
                                "q-1",
                                "c1",
                                "STD",
                                "Standard",
                                eur(495),
                                Money.ofMinor(538, "USD"),
                                usdEur,
                                eta,
                                true,
                                AT,
                                "From Rotterdam: no customs")),
                        List.of(new RateExclusion(
                                "c1", "AIR", ExclusionReason.GOODS_NOT_ACCEPTED, "no batteries by air"))),
                CustomsItem.of(cart().lines().get(0), PriceDisplay.EXCLUDING_TAX, eur(0)),
                quote(new BigDecimal("0.10")));
    }

    @Test
    void every_commerce_record_round_trips_through_the_protocol() {
        for (Object value : commerceValues()) {
            Object back = SandboxJson.read(SandboxJson.tree(value), value.getClass());
            assertThat(back).as(value.getClass().getSimpleName()).isEqualTo(value);
        }
    }

    @Test
    void an_event_whose_payload_does_not_fit_its_type_is_not_read() {
        OrderEvent placed = new OrderEvent("e-1", "o-1", 1, 1, OrderEventType.PLACED, AT, order(), null, null);
        JsonNode node = SandboxJson.tree(placed);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("type", "PAYMENT_CAPTURED");
        assertThatThrownBy(() -> SandboxJson.read(node, OrderEvent.class))
                .hasMessageContaining("OrderEvent.payment (required for PAYMENT_CAPTURED)");
    }

    @Test
    void a_declined_answer_without_its_decline_is_not_read() {
        JsonNode node = SandboxJson.tree(
                AuthorizationResult.declined("pi_1", new Decline(DeclineCategory.HARD, "stolen_card", null)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).putNull("decline");
        assertThatThrownBy(() -> SandboxJson.read(node, AuthorizationResult.class))
                .hasMessageContaining("AuthorizationResult.decline is required when status is DECLINED");
    }

    @Test
    void sdk_values_round_trip_exactly_scale_of_decimals_included() {
        TaxQuote quote = quote(new BigDecimal("0.10"));
        TaxQuote back = SandboxJson.read(SandboxJson.tree(quote), TaxQuote.class);
        assertThat(back).isEqualTo(quote);
        assertThat(back.lineTaxes().get(0).rate().scale()).isEqualTo(2);

        Cart cart = cart();
        assertThat(SandboxJson.read(SandboxJson.tree(cart), Cart.class)).isEqualTo(cart);

        StoredValue stored = new StoredValue(new byte[] {0, 1, (byte) 255}, 3, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(SandboxJson.read(SandboxJson.tree(stored), StoredValue.class))
                .isEqualTo(stored);
    }

    @Test
    void an_answer_the_sdk_refuses_is_not_read() {
        JsonNode node = SandboxJson.tree(quote(new BigDecimal("0.10")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("currency", "JPY");
        assertThatThrownBy(() -> SandboxJson.read(node, TaxQuote.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TaxQuote");
    }

    @Test
    void a_number_of_a_thousand_digits_or_an_unknown_field_is_refused() throws IOException {
        String huge = "{\"type\":\"answer\",\"body\":{\"id\":1,\"value\":" + "9".repeat(1_000) + "}}";
        assertThatThrownBy(() -> SandboxJson.envelope(huge.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Number value length");
        JsonNode extra = SandboxJson.tree(new Ready(1, "1.0.0"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) extra).put("admin", true);
        assertThatThrownBy(() -> SandboxJson.read(extra, Ready.class)).hasMessageContaining("admin");
    }

    @Test
    void a_frame_larger_than_allowed_is_a_protocol_error() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(SandboxProtocol.MAX_FRAME_FROM_WORKER + 1);
        FrameChannel channel = new FrameChannel(
                new ByteArrayInputStream(bytes.toByteArray()),
                new ByteArrayOutputStream(),
                SandboxProtocol.MAX_FRAME_FROM_WORKER);
        assertThatThrownBy(channel::receive).isInstanceOf(FrameChannel.ProtocolException.class);
    }

    @Test
    void messages_cross_a_channel_both_ways() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new FrameChannel(new ByteArrayInputStream(new byte[0]), wire, 1 << 20)
                .send(SandboxProtocol.READY, new Ready(1, "1.0.0"));
        Envelope read = new FrameChannel(
                        new ByteArrayInputStream(wire.toByteArray()), new ByteArrayOutputStream(), 1 << 20)
                .receive();
        assertThat(read.type()).isEqualTo(SandboxProtocol.READY);
        assertThat(SandboxJson.read(read.body(), Ready.class)).isEqualTo(new Ready(1, "1.0.0"));
    }
}
