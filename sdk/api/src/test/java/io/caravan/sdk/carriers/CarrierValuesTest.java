package io.caravan.sdk.carriers;

import static io.caravan.sdk.Fixtures.CN;
import static io.caravan.sdk.Fixtures.DE;
import static io.caravan.sdk.Fixtures.EUR;
import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.TODAY;
import static io.caravan.sdk.Fixtures.address;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.money.ExchangeRate;
import io.caravan.sdk.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CarrierValuesTest {
    private static final Warehouse SHENZHEN = new Warehouse(
            "shenzhen-hub",
            new Address(CN, "Guangdong", "518000", "Shenzhen", List.of("1 Logistics Rd"), "Hub"),
            WarehouseKind.ORIGIN_HUB,
            1);
    private static final Warehouse ROTTERDAM = new Warehouse(
            "rotterdam",
            new Address(CountryCode.of("NL"), null, "3011", "Rotterdam", List.of("Kade 1"), "EU warehouse"),
            WarehouseKind.OVERSEAS,
            1);
    private static final Parcel PARCEL = new Parcel(600, new Dimensions(300, 200, 100), eur(4998), List.of("1"));
    private static final Currency CNY = Currency.getInstance("CNY");

    @Nested
    class Rating {
        private ConsignmentLine shirts() {
            return new ConsignmentLine("1", "SKU-1", 2, 360, eur(3998), Set.of());
        }

        private RateQuote quote(DeliveryEstimate estimate, Money price, Money carrierPrice, ExchangeRate rate) {
            return new RateQuote(
                    "q-1", "c1", "ECO", "Economy", price, carrierPrice, rate, estimate, true, NOW, "From Shenzhen");
        }

        @Test
        void warehousesNeedIdAddressKindAndHandlingDays() {
            assertInvalid(() -> new Warehouse(" ", address(), WarehouseKind.LOCAL, 1), "Warehouse.warehouseId");
            assertInvalid(() -> new Warehouse("w", null, WarehouseKind.LOCAL, 1), "Warehouse.address is required");
            assertInvalid(() -> new Warehouse("w", address(), null, 1), "Warehouse.kind is required");
            assertInvalid(
                    () -> new Warehouse("w", address(), WarehouseKind.LOCAL, -1),
                    "Warehouse.handlingDays must be >= 0");
            assertInvalid(
                    () -> new Warehouse("w", address(), WarehouseKind.LOCAL, 31),
                    "Warehouse.handlingDays must be at most 30");
        }

        @Test
        void aConsignmentIsValuedAtItsLinesAfterDiscount() {
            LineItem discounted = LineItem.builder()
                    .lineId("1")
                    .sku("SKU-1")
                    .quantity(2)
                    .unitPrice(eur(1999))
                    .discount(eur(400))
                    .weightGrams(180)
                    .origin(CN)
                    .flags(LineFlag.HAZARDOUS)
                    .build();
            ConsignmentLine line = ConsignmentLine.of(discounted);
            assertThat(line.value()).isEqualTo(eur(3598));
            assertThat(line.weightGrams()).isEqualTo(360);
            assertThat(line.has(LineFlag.HAZARDOUS)).isTrue();
            Consignment c = Consignment.of("c1", SHENZHEN, List.of(line));
            assertThat(c.goodsValue()).isEqualTo(eur(3598));
            assertThat(c.weightGrams()).as("lines' weight before packing").isEqualTo(360);
            assertThat(c.contains(LineFlag.HAZARDOUS)).isTrue();
            assertThat(new Consignment("c1", SHENZHEN, List.of(line), List.of(PARCEL), eur(3598)).weightGrams())
                    .as("parcels' gross weight once packed")
                    .isEqualTo(600);
            assertInvalid(
                    () -> new Consignment("c1", SHENZHEN, List.of(line), List.of(), eur(3998)),
                    "Consignment.goodsValue must be the lines' total (EUR 35.98), was EUR 39.98");
            assertInvalid(
                    () -> new Consignment("c1", SHENZHEN, List.of(), List.of(), eur(0)),
                    "Consignment.lines must not be empty");
            assertInvalid(
                    () -> new ConsignmentLine("1", "S", 0, 1, eur(1), Set.of()),
                    "ConsignmentLine.quantity must be > 0");
        }

        @Test
        void requestNeedsDistinctConsignmentsInItsCurrency() {
            Consignment one = Consignment.of("c1", SHENZHEN, List.of(shirts()));
            Consignment two = Consignment.of("c2", ROTTERDAM, List.of(shirts()));
            RateRequest request = new RateRequest(List.of(one, two), address(), EUR, TODAY, DutyTreatment.DAP);
            assertThat(request.consignment("c2").from()).isEqualTo(ROTTERDAM);
            assertInvalid(
                    () -> new RateRequest(List.of(one, one), address(), EUR, TODAY, DutyTreatment.DAP),
                    "RateRequest.consignments[1].consignmentId \"c1\" is used by another consignment");
            assertInvalid(
                    () -> new RateRequest(List.of(), address(), EUR, TODAY, DutyTreatment.DAP),
                    "RateRequest.consignments must not be empty");
            assertInvalid(
                    () -> new RateRequest(
                            List.of(one), address(), Currency.getInstance("USD"), TODAY, DutyTreatment.DAP),
                    "RateRequest.consignments[0].goodsValue must be in USD");
            assertInvalid(
                    () -> new RateRequest(List.of(one), address(), EUR, TODAY, null),
                    "RateRequest.dutyTreatment is required");
            assertInvalid(
                    () -> new RateRequest(List.of(one), null, EUR, TODAY, DutyTreatment.DDP),
                    "RateRequest.destination");
        }

        @Test
        void deliveryEstimatesCountHandlingThenTransitAndCannotBeSwapped() {
            DeliveryEstimate estimate = DeliveryEstimate.of(TODAY, 2, 5, 7);
            assertThat(estimate.minDays()).isEqualTo(7);
            assertThat(estimate.maxDays()).isEqualTo(9);
            assertThat(estimate.handlingDays()).isEqualTo(2);
            assertThat(estimate.earliest()).isEqualTo(TODAY.plusDays(7));
            assertThat(estimate.latest()).isEqualTo(TODAY.plusDays(9));
            assertInvalid(
                    () -> DeliveryEstimate.of(TODAY, 1, 7, 5),
                    "DeliveryEstimate.maxTransitDays must be >= minTransitDays (7), was 5");
            assertInvalid(
                    () -> new DeliveryEstimate(5, 3, 1, TODAY, TODAY),
                    "DeliveryEstimate.maxDays must be >= minDays (5), was 3");
            assertInvalid(
                    () -> new DeliveryEstimate(1, 3, 2, TODAY, TODAY),
                    "DeliveryEstimate.minDays must be >= handlingDays (2)");
            assertInvalid(
                    () -> new DeliveryEstimate(1, 3, 0, TODAY, TODAY.minusDays(1)),
                    "DeliveryEstimate.latest must not be before earliest");
        }

        @Test
        void aConvertedPriceShowsItsRate() {
            ExchangeRate cnyToEur = new ExchangeRate(CNY, EUR, new BigDecimal("0.1282"), NOW, "ECB");
            DeliveryEstimate eta = DeliveryEstimate.of(TODAY, 1, 5, 7);
            RateQuote converted = quote(eta, eur(1282), Money.ofMinor(10000, "CNY"), cnyToEur);
            assertThat(converted.conversion()).isEqualTo(cnyToEur);
            assertInvalid(
                    () -> quote(eta, eur(1282), Money.ofMinor(10000, "CNY"), null),
                    "RateQuote.conversion must be given exactly when carrierPrice is");
            assertInvalid(
                    () -> quote(eta, eur(1282), Money.ofMinor(10000, "USD"), cnyToEur),
                    "RateQuote.conversion must convert USD to EUR, was CNY to EUR");
        }

        @Test
        void quoteNeedsIdsEstimateAndExpiry() {
            DeliveryEstimate eta = DeliveryEstimate.of(TODAY, 1, 5, 7);
            assertInvalid(() -> quote(eta, eur(-1), null, null), "RateQuote.price must not be negative");
            assertInvalid(() -> quote(null, eur(1), null, null), "RateQuote.estimate is required");
            assertInvalid(
                    () -> new RateQuote(" ", "c1", "ECO", "Economy", eur(1), null, null, eta, true, NOW, null),
                    "RateQuote.quoteId");
            assertInvalid(
                    () -> new RateQuote("q", "c1", "ECO", "Economy", eur(1), null, null, eta, true, null, null),
                    "RateQuote.expiresAt is required");
            assertInvalid(
                    () -> new RateQuote("q", "", "ECO", "Economy", eur(1), null, null, eta, true, NOW, null),
                    "RateQuote.consignmentId");
        }

        @Test
        void whatCannotShipIsAnExclusionWithAReason() {
            RateExclusion hazardous = new RateExclusion(
                    "c1", "EXPRESS", ExclusionReason.GOODS_NOT_ACCEPTED, "Express by air does not carry batteries");
            RateResult result = new RateResult(List.of(), List.of(hazardous));
            assertThat(result.exclusions()).containsExactly(hazardous);
            assertInvalid(() -> new RateExclusion("c1", null, null, "m"), "RateExclusion.reason is required");
            assertInvalid(() -> new RateExclusion("c1", null, ExclusionReason.OTHER, " "), "RateExclusion.message");
            assertInvalid(() -> new RateResult(null, List.of()), "RateResult.quotes is required");
        }
    }

    @Nested
    class Shipping {
        @Test
        void customsValueIsTheNetAmountAfterDiscountWithoutTheTaxItContains() {
            // 2 × EUR 19.99 including 19 % VAT, EUR 4.00 discount: paid 35.98, of which VAT 5.74
            LineItem line = LineItem.builder()
                    .lineId("1")
                    .sku("S")
                    .title("Shirt")
                    .quantity(2)
                    .unitPrice(eur(1999))
                    .discount(eur(400))
                    .weightGrams(180)
                    .hsCode(HsCode.of("610910"))
                    .origin(CN)
                    .build();
            CustomsItem item = CustomsItem.of(line, PriceDisplay.INCLUDING_TAX, eur(574));
            assertThat(item.value()).isEqualTo(eur(3024));
            assertThat(CustomsItem.of(line, PriceDisplay.EXCLUDING_TAX, eur(0)).value())
                    .isEqualTo(eur(3598));
            assertInvalid(
                    () -> CustomsItem.of(line, PriceDisplay.EXCLUDING_TAX, eur(574)),
                    "CustomsItem.taxIncludedInLine must be zero when prices exclude tax");
            assertInvalid(
                    () -> CustomsItem.of(line, PriceDisplay.INCLUDING_TAX, eur(3599)),
                    "CustomsItem.taxIncludedInLine must be at most the line's net amount (EUR 35.98)");
            assertInvalid(
                    () -> CustomsItem.of(line, PriceDisplay.INCLUDING_TAX, Money.ofMinor(1, "USD")),
                    "CustomsItem.taxIncludedInLine must be in EUR");
        }

        @Test
        void customsItemsComeFromCartLines() {
            CustomsItem item = CustomsItem.of(line("1", eur(1999)), PriceDisplay.EXCLUDING_TAX, eur(0));
            assertThat(item.quantity()).isEqualTo(2);
            assertThat(item.value()).isEqualTo(eur(3998));
            assertThat(item.weightGrams()).isEqualTo(360);
            assertThat(item.hsCode().code()).isEqualTo("610910");
            assertInvalid(() -> new CustomsItem("Shirt", null, CN, 0, 1, eur(1)), "CustomsItem.quantity must be > 0");
            assertInvalid(() -> new CustomsItem("", null, CN, 1, 1, eur(1)), "CustomsItem.description");
            assertInvalid(() -> new CustomsItem("Shirt", null, null, 1, 1, eur(1)), "CustomsItem.origin is required");
            assertInvalid(
                    () -> new CustomsItem("Shirt", null, CN, 1, -1, eur(1)), "CustomsItem.weightGrams must be >= 0");
            assertInvalid(
                    () -> new CustomsItem("Shirt", null, CN, 1, 1, eur(-1)), "CustomsItem.value must not be negative");
        }

        @Test
        void requestNeedsKeyServiceAndParcels() {
            assertInvalid(
                    () -> new ShipmentRequest(
                            "", "o", "ECO", SHENZHEN, address(), null, List.of(PARCEL), List.of(), true),
                    "ShipmentRequest.idempotencyKey");
            assertInvalid(
                    () -> new ShipmentRequest("k", "o", "ECO", SHENZHEN, address(), null, List.of(), List.of(), true),
                    "ShipmentRequest.parcels must not be empty");
            assertInvalid(
                    () -> new ShipmentRequest(
                            "k", "o", "", SHENZHEN, address(), null, List.of(PARCEL), List.of(), true),
                    "ShipmentRequest.serviceCode");
            assertInvalid(
                    () -> new ShipmentRequest("k", "o", "ECO", null, address(), null, List.of(PARCEL), List.of(), true),
                    "ShipmentRequest.origin is required");
            assertInvalid(
                    () -> new ShipmentRequest(
                            "k", "o", "ECO", SHENZHEN, address(), "1".repeat(33), List.of(PARCEL), List.of(), true),
                    "ShipmentRequest.recipientPhone must be at most 32");
            assertInvalid(
                    () -> new ShipmentRequest("k", "o", "ECO", SHENZHEN, address(), null, List.of(PARCEL), null, true),
                    "ShipmentRequest.customsItems is required");
        }

        @Test
        void labelsAreNonEmptyDocumentsWithAMediaType() {
            assertInvalid(() -> new Label(0, "application/pdf", new byte[0]), "Label.content must not be empty");
            assertInvalid(() -> new Label(0, "pdf", new byte[] {1}), "Label.mediaType must be a media type");
            assertInvalid(() -> new Label(-1, "application/pdf", new byte[] {1}), "Label.parcelIndex must be >= 0");
            byte[] pdf = {37, 80, 68, 70};
            Label label = new Label(0, "application/pdf", pdf);
            pdf[0] = 0;
            assertThat(label.content()[0]).isEqualTo((byte) 37);
            assertThat(label).isEqualTo(new Label(0, "application/pdf", new byte[] {37, 80, 68, 70}));
        }

        @Test
        void shipmentNeedsTrackingNumbersAndLabels() {
            Label label = new Label(0, "application/pdf", new byte[] {1});
            assertInvalid(
                    () -> new Shipment("s", List.of(), List.of(label), null),
                    "Shipment.trackingNumbers must not be empty");
            assertInvalid(() -> new Shipment("s", List.of(" "), List.of(label), null), "Shipment.trackingNumbers[0]");
            assertInvalid(
                    () -> new Shipment("s", List.of("RR123456785CN"), List.of(), null),
                    "Shipment.labels must not be empty");
            assertInvalid(
                    () -> new Shipment("s", List.of("RR123456785CN"), List.of(label), eur(-1)),
                    "Shipment.charge must not be negative");
            assertInvalid(
                    () -> new Shipment("", List.of("RR123456785CN"), List.of(label), null),
                    "Shipment.shipmentReference");
        }
    }

    @Nested
    class Tracking {
        @Test
        void eventsAreKeptOldestFirstAndTheLatestIsWhereTheParcelIs() {
            TrackingEvent picked = new TrackingEvent(NOW, TrackingEventType.PICKED_UP, "Picked up", CN, "Shenzhen");
            TrackingEvent held = new TrackingEvent(
                    NOW.plusSeconds(86_400 * 5),
                    TrackingEventType.CUSTOMS_HELD,
                    "Held by customs: duties due",
                    DE,
                    "Frankfurt");
            TrackingInfo info = new TrackingInfo("RR123456785CN", List.of(held, picked), null);
            assertThat(info.events()).containsExactly(picked, held);
            assertThat(info.latest()).contains(held);
            assertThat(new TrackingInfo("RR123456785CN", List.of(), null).latest())
                    .isEmpty();
        }

        @Test
        void eventsNeedTimeTypeAndDescription() {
            assertInvalid(
                    () -> new TrackingEvent(null, TrackingEventType.IN_TRANSIT, "x", null, null),
                    "TrackingEvent.occurredAt is required");
            assertInvalid(() -> new TrackingEvent(NOW, null, "x", null, null), "TrackingEvent.type is required");
            assertInvalid(
                    () -> new TrackingEvent(NOW, TrackingEventType.IN_TRANSIT, "", null, null),
                    "TrackingEvent.description");
            assertInvalid(
                    () -> new TrackingEvent(NOW, TrackingEventType.IN_TRANSIT, "x", null, " "),
                    "TrackingEvent.location");
            assertInvalid(() -> new TrackingInfo("", List.of(), null), "TrackingInfo.trackingNumber");
            assertInvalid(() -> new TrackingInfo("RR123456785CN", null, null), "TrackingInfo.events is required");
        }
    }
}
