package io.caravan.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.sdk.carriers.CancellationRequest;
import io.caravan.sdk.carriers.CancellationResult;
import io.caravan.sdk.carriers.CarrierShipment;
import io.caravan.sdk.carriers.Consignment;
import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.carriers.CustomsContentType;
import io.caravan.sdk.carriers.CustomsDeclaration;
import io.caravan.sdk.carriers.CustomsItem;
import io.caravan.sdk.carriers.DeliveryEstimate;
import io.caravan.sdk.carriers.DeliveryFailureReason;
import io.caravan.sdk.carriers.DocumentKind;
import io.caravan.sdk.carriers.ExclusionReason;
import io.caravan.sdk.carriers.LabelFormat;
import io.caravan.sdk.carriers.RateExclusion;
import io.caravan.sdk.carriers.RateQuote;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.RateResult;
import io.caravan.sdk.carriers.Shipment;
import io.caravan.sdk.carriers.ShipmentPurpose;
import io.caravan.sdk.carriers.ShipmentRequest;
import io.caravan.sdk.carriers.ShippingDocument;
import io.caravan.sdk.carriers.TrackingEvent;
import io.caravan.sdk.carriers.TrackingEventType;
import io.caravan.sdk.carriers.TrackingInfo;
import io.caravan.sdk.carriers.TrackingNotificationResult;
import io.caravan.sdk.carriers.TrackingRequest;
import io.caravan.sdk.carriers.TrackingUpdate;
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
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.model.WarehouseKind;
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
import io.caravan.sdk.returns.Deduction;
import io.caravan.sdk.returns.DeductionKind;
import io.caravan.sdk.returns.InspectionGrade;
import io.caravan.sdk.returns.ItemCondition;
import io.caravan.sdk.returns.LineDecision;
import io.caravan.sdk.returns.LineDelivery;
import io.caravan.sdk.returns.LineEligibility;
import io.caravan.sdk.returns.PaidLine;
import io.caravan.sdk.returns.RefundBreakdown;
import io.caravan.sdk.returns.RefundCalculationRequest;
import io.caravan.sdk.returns.RefundLine;
import io.caravan.sdk.returns.ResolutionType;
import io.caravan.sdk.returns.ReturnAuthorization;
import io.caravan.sdk.returns.ReturnCaseStatus;
import io.caravan.sdk.returns.ReturnDestination;
import io.caravan.sdk.returns.ReturnDestinationKind;
import io.caravan.sdk.returns.ReturnEligibility;
import io.caravan.sdk.returns.ReturnLine;
import io.caravan.sdk.returns.ReturnReason;
import io.caravan.sdk.returns.ReturnRequest;
import io.caravan.sdk.returns.ReturnShippingPayer;
import io.caravan.sdk.returns.ReturnStep;
import io.caravan.sdk.returns.ReturnedItem;
import io.caravan.sdk.returns.StepDeadline;
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

    /** One value of every SDK record of shipments, tracking and returns, every optional part filled once. */
    static List<Object> fulfilmentValues() {
        Warehouse rotterdam = new Warehouse(
                "rotterdam",
                new Address(CountryCode.of("NL"), null, "3011", "Rotterdam", List.of("Kade 1"), null),
                WarehouseKind.OVERSEAS,
                1);
        Warehouse shenzhen = new Warehouse(
                "shenzhen",
                new Address(CountryCode.of("CN"), "Guangdong", "518000", "Shenzhen", List.of("1 Rd"), "Hub"),
                WarehouseKind.ORIGIN_HUB,
                2);
        Address shopper = new Address(CountryCode.of("DE"), null, "10115", "Berlin", List.of("Str. 1"), "Erika");
        ConsignmentLine mugs = ConsignmentLine.of(cart().lines().get(0));
        Parcel parcel = new Parcel(900, new Dimensions(300, 200, 100), eur(1_800), List.of("l1"));
        CustomsDeclaration customs = new CustomsDeclaration(
                CustomsContentType.SALE_OF_GOODS,
                DutyTreatment.DDP,
                List.of(CustomsItem.of(cart().lines().get(0), PriceDisplay.EXCLUDING_TAX, eur(0))),
                eur(400),
                "1001",
                "IM2760000742",
                "CN1234567890123",
                "DE123456789",
                "tax-1");
        CarrierShipment booked = new CarrierShipment("sandbox-post", "bk-1", "RR123456785CN");
        ShipmentRequest sale = ShipmentRequest.builder()
                .idempotencyKey("shp-1/inst-1")
                .shipmentId("shp-1")
                .orderId("o-1")
                .serviceCode("STD")
                .quoteId("q-1")
                .warehouse(shenzhen)
                .from(shenzhen.address())
                .to(shopper)
                .recipientPhone("+49 30 1234")
                .lines(List.of(mugs))
                .parcels(List.of(parcel))
                .customs(customs)
                .codAmount(eur(2_916))
                .labelFormat(LabelFormat.ZPL)
                .build();
        ShipmentRequest back = ShipmentRequest.builder()
                .idempotencyKey("shp-2/inst-1")
                .purpose(ShipmentPurpose.RETURN)
                .shipmentId("shp-2")
                .orderId("o-1")
                .originalShipment(booked)
                .rmaNumber("RMA-1")
                .serviceCode("RET")
                .warehouse(rotterdam)
                .from(shopper)
                .to(rotterdam.address())
                .lines(List.of(mugs))
                .parcels(List.of(parcel))
                .build();
        Shipment shipment = new Shipment(
                "sandbox-post",
                "bk-1",
                "STD",
                "RR123456785CN",
                URI.create("https://track.example/RR123456785CN"),
                List.of("RR123456785CN"),
                List.of(
                        ShippingDocument.label(0, LabelFormat.ZPL, new byte[] {94, 88, 65}),
                        new ShippingDocument(
                                DocumentKind.COMMERCIAL_INVOICE,
                                null,
                                "application/pdf",
                                new byte[] {37, 80},
                                URI.create("https://docs.example/inv-1.pdf"))),
                eur(700));
        TrackingEvent held = new TrackingEvent(
                "ev-2",
                AT,
                LocalDate.parse("2026-12-01"),
                TrackingEventType.CUSTOMS_HELD,
                "Held",
                PT,
                "Lisbon",
                null,
                null);
        TrackingEvent failed =
                TrackingEvent.deliveryFailed("ev-3", AT.plusSeconds(60), DeliveryFailureReason.COD_NOT_PAID, "No", PT);
        TrackingEvent delivered = TrackingEvent.delivered(
                "ev-4", AT.plusSeconds(120), LocalDate.parse("2026-12-01"), "Delivered", PT, eur(2_916));
        ReturnLine exchange =
                new ReturnLine("l1", 1, ReturnReason.WRONG_SIZE, "too small", ResolutionType.EXCHANGE, "v2");
        LineEligibility law = new LineEligibility("l1", true, LocalDate.parse("2026-12-15"), "EU-CRD-14D", "14 days");
        ReturnRequest request = ReturnRequest.builder()
                .returnId("r-1")
                .order(order())
                .status(ReturnCaseStatus.AUTHORIZED)
                .line(exchange)
                .delivery(new LineDelivery("l1", 2, LocalDate.parse("2026-12-01")))
                .statutory(law)
                .warehouse(rotterdam)
                .deadline(new StepDeadline(ReturnStep.FIRST_RESPONSE, AT.plusSeconds(86_400)))
                .requestedAt(AT)
                .build();
        ReturnAuthorization authorization = new ReturnAuthorization(
                "RMA-1",
                List.of(new LineDecision("l1", 1, ResolutionType.REFUND, eur(100), "store-30d", "30 days")),
                new ReturnDestination(ReturnDestinationKind.NEAREST_WAREHOUSE, "rotterdam"),
                LocalDate.parse("2026-12-15"),
                ReturnShippingPayer.SHOPPER,
                "Pack it well",
                "Accepted");
        return List.of(
                sale,
                back,
                shipment,
                new CancellationRequest("cx-1", booked, "order cancelled"),
                CancellationResult.cancelled(),
                CancellationResult.tooLate("picked up"),
                CancellationResult.unknown("no answer"),
                new TrackingRequest(booked, CountryCode.of("DE"), "10115"),
                new TrackingInfo("RR123456785CN", List.of(held, failed, delivered), LocalDate.parse("2026-12-02")),
                TrackingNotificationResult.verified(List.of(new TrackingUpdate(
                        "sandbox-post", "RR123456785CN", "bk-1", held, LocalDate.parse("2026-12-03")))),
                TrackingNotificationResult.rejected(),
                request,
                new ReturnEligibility(List.of(law)),
                authorization,
                new ReturnAuthorization(
                        "RMA-2",
                        List.of(new LineDecision("l1", 1, ResolutionType.STORE_CREDIT, null, "keep", "Keep it")),
                        ReturnDestination.keepIt(),
                        null,
                        null,
                        null,
                        "Keep it"),
                new RefundCalculationRequest(
                        "r-1",
                        order(),
                        authorization,
                        List.of(new ReturnedItem(
                                "l1", 1, ReturnReason.WRONG_SIZE, ItemCondition.OPENED, InspectionGrade.REFURBISH)),
                        List.of(new PaidLine("l1", 2, eur(1_800), eur(0))),
                        eur(400),
                        eur(0),
                        eur(650)),
                new RefundBreakdown(
                        List.of(new RefundLine("l1", 1, eur(900), eur(0), "half")),
                        eur(0),
                        List.of(new Deduction(DeductionKind.RESTOCKING_FEE, "l1", eur(100), "restocking")),
                        "900 less 100"));
    }

    @Test
    void every_fulfilment_and_returns_record_round_trips_through_the_protocol() {
        for (Object value : fulfilmentValues()) {
            Object back = SandboxJson.read(SandboxJson.tree(value), value.getClass());
            assertThat(back).as(value.getClass().getSimpleName()).isEqualTo(value);
        }
    }

    @Test
    void a_return_booking_without_its_original_shipment_is_not_read() {
        ShipmentRequest back = (ShipmentRequest) fulfilmentValues().get(1);
        JsonNode node = SandboxJson.tree(back);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).putNull("originalShipment");
        assertThatThrownBy(() -> SandboxJson.read(node, ShipmentRequest.class))
                .hasMessageContaining("ShipmentRequest.originalShipment is required for a RETURN");
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
