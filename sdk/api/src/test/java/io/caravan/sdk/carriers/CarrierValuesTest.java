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

import io.caravan.sdk.Fixtures;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.model.WarehouseKind;
import io.caravan.sdk.money.ExchangeRate;
import io.caravan.sdk.money.Money;
import java.math.BigDecimal;
import java.net.URI;
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
    class Customs {
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
    }

    @Nested
    class Shipping {
        private static final Address SHOPPER = address();
        private static final ConsignmentLine SHIRTS = new ConsignmentLine("1", "SKU-1", 2, 360, eur(3998), Set.of());
        private static final Parcel PACKED = new Parcel(600, new Dimensions(300, 200, 100), eur(3998), List.of("1"));
        private static final CarrierShipment DELIVERED_BY =
                new CarrierShipment("sandbox-post", "bk-1", "RR123456785CN");

        private CustomsItem shirtsItem() {
            return new CustomsItem("Cotton T-shirt", HsCode.of("610910"), CN, 2, 360, eur(3998));
        }

        private CustomsDeclaration customs(CustomsContentType type) {
            return new CustomsDeclaration(
                    type, DutyTreatment.DAP, List.of(shirtsItem()), eur(490), "1001", null, null, null, null);
        }

        private ShipmentRequest.Builder sale() {
            return ShipmentRequest.builder()
                    .idempotencyKey("shp-1/inst-1")
                    .shipmentId("shp-1")
                    .orderId("1001")
                    .serviceCode("ECO")
                    .warehouse(SHENZHEN)
                    .from(SHENZHEN.address())
                    .to(SHOPPER)
                    .lines(List.of(SHIRTS))
                    .parcels(List.of(PACKED))
                    .customs(customs(CustomsContentType.SALE_OF_GOODS));
        }

        private ShipmentRequest.Builder returnOf() {
            return sale().purpose(ShipmentPurpose.RETURN)
                    .idempotencyKey("ret-1/inst-1")
                    .from(SHOPPER)
                    .to(SHENZHEN.address())
                    .originalShipment(DELIVERED_BY)
                    .rmaNumber("RMA-1")
                    .customs(customs(CustomsContentType.RETURNED_GOODS));
        }

        @Test
        void aSaleLeavesFromItsWarehouseValuedAtItsLines() {
            ShipmentRequest request = sale().codAmount(eur(5488)).build();
            assertThat(request.purpose()).isEqualTo(ShipmentPurpose.SALE);
            assertThat(request.labelFormat()).isEqualTo(LabelFormat.PDF_A6);
            assertThat(request.goodsValue()).isEqualTo(eur(3998));
            assertThat(request.cashOnDelivery()).isTrue();
            assertInvalid(
                    () -> sale().from(SHOPPER).build(),
                    "ShipmentRequest.from must be the warehouse's address for a SALE (it leaves from shenzhen-hub)");
            assertInvalid(
                    () -> sale().originalShipment(DELIVERED_BY).build(),
                    "ShipmentRequest.originalShipment must be null for a SALE");
            assertInvalid(() -> sale().rmaNumber("RMA-1").build(), "ShipmentRequest.rmaNumber must be null for a SALE");
            assertInvalid(
                    () -> sale().goodsValue(eur(1)).build(),
                    "ShipmentRequest.goodsValue must be the lines' total (EUR 39.98), was EUR 0.01");
        }

        @Test
        void aReturnNeedsTheOriginalShipmentAndItsRmaAndGoesToTheWarehouse() {
            ShipmentRequest request = returnOf().build();
            assertThat(request.originalShipment()).isEqualTo(DELIVERED_BY);
            assertInvalid(
                    () -> returnOf().originalShipment(null).build(),
                    "ShipmentRequest.originalShipment is required for a RETURN");
            assertInvalid(
                    () -> returnOf().rmaNumber(null).build(), "ShipmentRequest.rmaNumber is required for a RETURN");
            assertInvalid(
                    () -> returnOf().to(SHOPPER).build(),
                    "ShipmentRequest.to must be the warehouse's address for a RETURN");
            assertInvalid(
                    () -> returnOf()
                            .customs(customs(CustomsContentType.SALE_OF_GOODS))
                            .build(),
                    "ShipmentRequest.customs.contentType must be RETURNED_GOODS for a RETURN, was SALE_OF_GOODS");
        }

        @Test
        void aCodAmountIsOnlyForACashOnDeliverySaleAndPositive() {
            assertThat(sale().build().cashOnDelivery()).isFalse();
            assertInvalid(
                    () -> returnOf().codAmount(eur(100)).build(),
                    "ShipmentRequest.codAmount must be null for a RETURN");
            assertInvalid(() -> sale().codAmount(eur(0)).build(), "ShipmentRequest.codAmount must be > 0");
        }

        @Test
        void customsOnlyCrossBordersAndParcelsHoldLinesOfTheShipment() {
            Warehouse berlin = new Warehouse("berlin", Fixtures.address(), WarehouseKind.LOCAL, 1);
            Address munich = new Address(DE, null, "80331", "München", List.of("Marienplatz 1"), "Max");
            assertInvalid(
                    () -> sale().warehouse(berlin)
                            .from(berlin.address())
                            .to(munich)
                            .build(),
                    "ShipmentRequest.customs must be null for a shipment within DE");
            assertThat(sale().warehouse(berlin)
                            .from(berlin.address())
                            .to(munich)
                            .customs(null)
                            .build()
                            .customs())
                    .isNull();
            Parcel stranger = new Parcel(600, new Dimensions(300, 200, 100), eur(3998), List.of("9"));
            assertInvalid(
                    () -> ShipmentRequest.builder()
                            .idempotencyKey("k")
                            .shipmentId("s")
                            .orderId("o")
                            .serviceCode("ECO")
                            .warehouse(SHENZHEN)
                            .from(SHENZHEN.address())
                            .to(SHOPPER)
                            .lines(List.of(SHIRTS))
                            .parcels(List.of(stranger))
                            .build(),
                    "ShipmentRequest.parcels[0].lineRefs names \"9\", not a line of this shipment");
            assertInvalid(
                    () -> sale().lines(List.of(SHIRTS)).build(),
                    "ShipmentRequest.lines[1].lineId \"1\" is listed twice");
        }

        @Test
        void aRequestNeedsItsKeysServiceLinesParcelsAndFormat() {
            assertInvalid(() -> sale().idempotencyKey("").build(), "ShipmentRequest.idempotencyKey");
            assertInvalid(() -> sale().idempotencyKey("k".repeat(129)).build(), "ShipmentRequest.idempotencyKey");
            assertInvalid(() -> sale().shipmentId(null).build(), "ShipmentRequest.shipmentId is required");
            assertInvalid(() -> sale().serviceCode(" ").build(), "ShipmentRequest.serviceCode");
            assertInvalid(() -> sale().purpose(null).build(), "ShipmentRequest.purpose is required");
            assertInvalid(() -> sale().labelFormat(null).build(), "ShipmentRequest.labelFormat is required");
            assertInvalid(() -> sale().warehouse(null).build(), "ShipmentRequest.warehouse is required");
            assertInvalid(() -> sale().orderId("o".repeat(65)).build(), "ShipmentRequest.orderId must be at most 64");
            assertInvalid(() -> sale().quoteId("q".repeat(129)).build(), "ShipmentRequest.quoteId must be at most 128");
            assertInvalid(
                    () -> returnOf().rmaNumber("r".repeat(65)).build(), "ShipmentRequest.rmaNumber must be at most 64");
            assertInvalid(() -> sale().to(null).build(), "ShipmentRequest.to is required");
            assertInvalid(() -> sale().from(null).build(), "ShipmentRequest.from is required");
            assertInvalid(
                    () -> sale().parcels(List.of(
                                    new Parcel(600, new Dimensions(1, 1, 1), Money.ofMinor(1, "USD"), List.of())))
                            .build(),
                    "ShipmentRequest.parcels[1].value must be in EUR");
            assertInvalid(
                    () -> sale().recipientPhone("1".repeat(33)).build(),
                    "ShipmentRequest.recipientPhone must be at most 32");
            assertInvalid(
                    () -> ShipmentRequest.builder()
                            .idempotencyKey("k")
                            .shipmentId("s")
                            .orderId("o")
                            .serviceCode("ECO")
                            .warehouse(SHENZHEN)
                            .from(SHENZHEN.address())
                            .to(SHOPPER)
                            .lines(List.of(SHIRTS))
                            .build(),
                    "ShipmentRequest.parcels must not be empty");
            List<Parcel> hundred = java.util.Collections.nCopies(100, PACKED);
            assertInvalid(
                    () -> sale().parcels(hundred.subList(0, 99)).build(),
                    "ShipmentRequest.parcels must hold at most 99 parcels, had 100");
        }

        @Test
        void aDeclarationCarriesTheIncotermPostageAndValidCustomsNumbers() {
            CustomsDeclaration declared = new CustomsDeclaration(
                    CustomsContentType.SALE_OF_GOODS,
                    DutyTreatment.DDP,
                    List.of(shirtsItem()),
                    eur(490),
                    "1001",
                    "IM2760000742",
                    "CN1234567890123",
                    "GB123456789",
                    null);
            assertThat(declared.goodsValue()).isEqualTo(eur(3998));
            assertThat(declared.currency()).isEqualTo(EUR);
            assertInvalid(
                    () -> new CustomsDeclaration(
                            CustomsContentType.GIFT,
                            DutyTreatment.DAP,
                            List.of(),
                            eur(0),
                            null,
                            null,
                            null,
                            null,
                            null),
                    "CustomsDeclaration.items must not be empty");
            assertInvalid(
                    () -> new CustomsDeclaration(
                            CustomsContentType.GIFT, null, List.of(shirtsItem()), eur(0), null, null, null, null, null),
                    "CustomsDeclaration.dutyTreatment is required");
            assertInvalid(
                    () -> new CustomsDeclaration(
                            null, DutyTreatment.DAP, List.of(shirtsItem()), eur(0), null, null, null, null, null),
                    "CustomsDeclaration.contentType is required");
            assertInvalid(
                    () -> new CustomsDeclaration(
                            CustomsContentType.GIFT,
                            DutyTreatment.DAP,
                            List.of(shirtsItem()),
                            Money.ofMinor(490, "USD"),
                            null,
                            null,
                            null,
                            null,
                            null),
                    "CustomsDeclaration.postage must be in EUR");
            assertInvalid(
                    () -> new CustomsDeclaration(
                            CustomsContentType.GIFT,
                            DutyTreatment.DAP,
                            List.of(shirtsItem()),
                            eur(-1),
                            null,
                            null,
                            null,
                            null,
                            null),
                    "CustomsDeclaration.postage must not be negative");
            assertInvalid(
                    () -> new CustomsDeclaration(
                            CustomsContentType.GIFT,
                            DutyTreatment.DAP,
                            List.of(shirtsItem(), new CustomsItem("Mug", null, CN, 1, 300, Money.ofMinor(5, "USD"))),
                            eur(0),
                            null,
                            null,
                            null,
                            null,
                            null),
                    "CustomsDeclaration.items[1].value must be in EUR");
            assertInvalid(
                    () -> new CustomsDeclaration(
                            CustomsContentType.GIFT,
                            DutyTreatment.DAP,
                            java.util.Collections.nCopies(101, shirtsItem()),
                            eur(0),
                            null,
                            null,
                            null,
                            null,
                            null),
                    "CustomsDeclaration.items must hold at most 100 items, had 101");
            assertInvalid(
                    () -> withNumbers("IM123", null, null, null),
                    "CustomsDeclaration.iossNumber must be IM and 10 digits");
            assertInvalid(
                    () -> withNumbers(null, "cn123", null, null), "CustomsDeclaration.senderEori must be 2 letters");
            assertInvalid(() -> withNumbers(null, "CN" + "1".repeat(16), null, null), "CustomsDeclaration.senderEori");
            assertInvalid(
                    () -> withNumbers(null, null, "GB1", null), "CustomsDeclaration.senderVatNumber must be 2 letters");
            assertInvalid(
                    () -> withNumbers(null, null, null, "x".repeat(33)),
                    "CustomsDeclaration.recipientTaxId must be at most 32");
            assertInvalid(
                    () -> new CustomsDeclaration(
                            CustomsContentType.GIFT,
                            DutyTreatment.DAP,
                            List.of(shirtsItem()),
                            eur(0),
                            "n".repeat(65),
                            null,
                            null,
                            null,
                            null),
                    "CustomsDeclaration.invoiceNumber must be at most 64");
        }

        private CustomsDeclaration withNumbers(String ioss, String eori, String vat, String taxId) {
            return new CustomsDeclaration(
                    CustomsContentType.SALE_OF_GOODS,
                    DutyTreatment.DAP,
                    List.of(shirtsItem()),
                    eur(0),
                    null,
                    ioss,
                    eori,
                    vat,
                    taxId);
        }

        @Test
        void documentsHaveAKindAContentTypeAndLabelsAParcel() {
            byte[] pdf = {37, 80, 68, 70};
            ShippingDocument label = ShippingDocument.label(0, LabelFormat.PDF_A6, pdf);
            pdf[0] = 0;
            assertThat(label.content()[0]).isEqualTo((byte) 37);
            assertThat(label.contentType()).isEqualTo("application/pdf");
            assertThat(ShippingDocument.label(0, LabelFormat.ZPL, new byte[] {1})
                            .contentType())
                    .isEqualTo("application/zpl");
            assertThat(label).isEqualTo(ShippingDocument.label(0, LabelFormat.PDF_A4, new byte[] {37, 80, 68, 70}));
            assertThat(label.toString()).isEqualTo("ShippingDocument[LABEL, parcel 0, application/pdf, 4 bytes]");
            ShippingDocument invoice = new ShippingDocument(
                    DocumentKind.COMMERCIAL_INVOICE, null, "application/pdf", new byte[] {1}, null);
            assertThat(invoice.parcelIndex()).isNull();
            assertInvalid(
                    () -> new ShippingDocument(DocumentKind.LABEL, null, "application/pdf", new byte[] {1}, null),
                    "ShippingDocument.parcelIndex is required for a LABEL");
            assertInvalid(
                    () -> new ShippingDocument(DocumentKind.CN23, -1, "application/pdf", new byte[] {1}, null),
                    "ShippingDocument.parcelIndex must be >= 0");
            assertInvalid(
                    () -> new ShippingDocument(null, 0, "application/pdf", new byte[] {1}, null),
                    "ShippingDocument.kind is required");
            assertInvalid(
                    () -> new ShippingDocument(DocumentKind.CN22, 0, "pdf", new byte[] {1}, null),
                    "ShippingDocument.contentType must be a media type");
            assertInvalid(
                    () -> ShippingDocument.label(0, LabelFormat.PDF_A6, new byte[0]),
                    "ShippingDocument.content must not be empty");
            assertInvalid(
                    () -> ShippingDocument.label(0, LabelFormat.PDF_A6, new byte[ShippingDocument.MAX_BYTES + 1]),
                    "ShippingDocument.content must be at most 5242880 bytes");
            assertInvalid(
                    () -> new ShippingDocument(
                            DocumentKind.CN22, 0, "application/pdf", new byte[] {1}, URI.create("http://x.example/l")),
                    "ShippingDocument.url must be an absolute https URI");
        }

        private Shipment shipment(List<ShippingDocument> documents, URI trackingUrl, Money charge) {
            return new Shipment(
                    "sandbox-post",
                    "bk-1",
                    "ECO",
                    "RR123456785CN",
                    trackingUrl,
                    List.of("RR123456785CN"),
                    documents,
                    charge);
        }

        @Test
        void aShipmentHasTrackingALabelAndNamesItsCarrierAndService() {
            ShippingDocument label = ShippingDocument.label(0, LabelFormat.PDF_A6, new byte[] {1});
            ShippingDocument cn23 = new ShippingDocument(DocumentKind.CN23, 0, "application/pdf", new byte[] {2}, null);
            Shipment booked =
                    shipment(List.of(label, cn23), URI.create("https://track.example/RR123456785CN"), eur(700));
            assertThat(booked.identity()).isEqualTo(DELIVERED_BY);
            assertThat(booked.documents(DocumentKind.CN23)).containsExactly(cn23);
            assertInvalid(() -> shipment(List.of(cn23), null, null), "Shipment.documents must hold at least one LABEL");
            assertInvalid(() -> shipment(List.of(), null, null), "Shipment.documents must not be empty");
            assertInvalid(
                    () -> shipment(List.of(label), URI.create("/relative"), null),
                    "Shipment.trackingUrl must be an absolute https URI");
            assertInvalid(
                    () -> shipment(List.of(label), URI.create("https://t.example/" + "x".repeat(2000)), null),
                    "Shipment.trackingUrl must be at most 2000 characters");
            assertInvalid(() -> shipment(List.of(label), null, eur(-1)), "Shipment.charge must not be negative");
            assertInvalid(
                    () -> new Shipment("Sandbox Post", "bk", "ECO", "T", null, List.of("T"), List.of(label), null),
                    "Shipment.carrierCode must be lower-case letters, digits and hyphens");
            assertInvalid(
                    () -> new Shipment("p", "", "ECO", "T", null, List.of("T"), List.of(label), null),
                    "Shipment.shipmentReference");
            assertInvalid(
                    () -> new Shipment("p", "b", "ECO", "T", null, List.of(), List.of(label), null),
                    "Shipment.parcelTrackingNumbers must not be empty");
            assertInvalid(
                    () -> new Shipment("p", "b", "ECO", "T", null, List.of(" "), List.of(label), null),
                    "Shipment.parcelTrackingNumbers[0]");
            assertInvalid(
                    () -> new Shipment("p", "b", "", "T", null, List.of("T"), List.of(label), null),
                    "Shipment.serviceCode");
            assertInvalid(
                    () -> new Shipment("p", "b", "ECO", "T".repeat(65), null, List.of("T"), List.of(label), null),
                    "Shipment.trackingNumber must be at most 64");
        }

        @Test
        void aCancellationNamesItsBookingAndSaysWhyUnlessItWorked() {
            assertThat(CancellationResult.cancelled().message()).isNull();
            assertThat(CancellationResult.tooLate("picked up 10:42").status()).isEqualTo(CancellationStatus.TOO_LATE);
            assertInvalid(
                    () -> CancellationResult.tooLate(null), "CancellationResult.message (required when TOO_LATE)");
            assertInvalid(() -> CancellationResult.unknown(" "), "CancellationResult.message (required when UNKNOWN)");
            assertInvalid(() -> new CancellationResult(null, null), "CancellationResult.status is required");
            assertInvalid(() -> new CancellationRequest("", DELIVERED_BY, null), "CancellationRequest.idempotencyKey");
            assertInvalid(() -> new CancellationRequest("k", null, null), "CancellationRequest.shipment is required");
            assertInvalid(
                    () -> new CancellationRequest("k", DELIVERED_BY, "r".repeat(201)),
                    "CancellationRequest.reason must be at most 200");
            assertInvalid(() -> new CarrierShipment("sandbox-post", "bk", ""), "CarrierShipment.trackingNumber");
            assertInvalid(
                    () -> new CarrierShipment("-post", "bk", "T"), "CarrierShipment.carrierCode must be lower-case");
            assertInvalid(() -> new CarrierShipment("p".repeat(41), "bk", "T"), "CarrierShipment.carrierCode");
        }
    }

    @Nested
    class Tracking {
        private final TrackingEvent picked =
                TrackingEvent.of("e1", NOW, TrackingEventType.PICKED_UP, "Picked up", CN, "Shenzhen");
        private final TrackingEvent held = TrackingEvent.of(
                "e2",
                NOW.plusSeconds(86_400 * 5),
                TrackingEventType.CUSTOMS_HELD,
                "Held by customs: duties due",
                DE,
                "Frankfurt");

        @Test
        void eventsAreKeptOldestFirstAndTheLatestIsWhereTheShipmentIs() {
            TrackingInfo info = new TrackingInfo("RR123456785CN", List.of(held, picked), TODAY.plusDays(9));
            assertThat(info.events()).containsExactly(picked, held);
            assertThat(info.latest()).contains(held);
            assertThat(new TrackingInfo("RR123456785CN", List.of(), null).latest())
                    .isEmpty();
            assertInvalid(
                    () -> new TrackingInfo("RR123456785CN", List.of(picked, picked), null),
                    "TrackingInfo.events[1].eventId \"e1\" is used by another event");
            assertInvalid(
                    () -> new TrackingInfo(
                            "RR123456785CN",
                            java.util.stream.IntStream.range(0, 501)
                                    .mapToObj(i -> TrackingEvent.of(
                                            "e" + i, NOW, TrackingEventType.IN_TRANSIT, "x", null, null))
                                    .toList(),
                            null),
                    "TrackingInfo.events must hold at most 500 events, had 501");
        }

        @Test
        void aDeliveryHasItsLocalDateAndOnlyItCarriesTheCashCollected() {
            TrackingEvent delivered = TrackingEvent.delivered("e9", NOW, TODAY, "Delivered", DE, eur(5488));
            assertThat(delivered.localDate()).isEqualTo(TODAY);
            assertInvalid(
                    () -> TrackingEvent.delivered("e9", NOW, null, "Delivered", DE, null),
                    "TrackingEvent.localDate is required for DELIVERED");
            assertInvalid(
                    () -> TrackingEvent.delivered("e9", NOW, TODAY, "Delivered", DE, eur(0)),
                    "TrackingEvent.codCollected must be > 0");
            assertInvalid(
                    () -> new TrackingEvent(
                            "e3", NOW, null, TrackingEventType.OUT_FOR_DELIVERY, "x", DE, null, null, eur(100)),
                    "TrackingEvent.codCollected must be null for OUT_FOR_DELIVERY (only DELIVERED collects)");
        }

        @Test
        void onlyAFailedDeliveryHasAndNeedsAReason() {
            TrackingEvent refused =
                    TrackingEvent.deliveryFailed("e4", NOW, DeliveryFailureReason.COD_NOT_PAID, "Refused to pay", DE);
            assertThat(refused.failureReason()).isEqualTo(DeliveryFailureReason.COD_NOT_PAID);
            assertInvalid(
                    () -> TrackingEvent.deliveryFailed("e4", NOW, null, "x", DE),
                    "TrackingEvent.failureReason is required for DELIVERY_FAILED");
            assertInvalid(
                    () -> new TrackingEvent(
                            "e4",
                            NOW,
                            null,
                            TrackingEventType.IN_TRANSIT,
                            "x",
                            null,
                            null,
                            DeliveryFailureReason.REFUSED,
                            null),
                    "TrackingEvent.failureReason must be null for IN_TRANSIT");
        }

        @Test
        void eventsNeedIdTimeTypeAndDescription() {
            assertInvalid(
                    () -> TrackingEvent.of("", NOW, TrackingEventType.IN_TRANSIT, "x", null, null),
                    "TrackingEvent.eventId");
            assertInvalid(
                    () -> TrackingEvent.of("e".repeat(129), NOW, TrackingEventType.IN_TRANSIT, "x", null, null),
                    "TrackingEvent.eventId must be at most 128");
            assertInvalid(
                    () -> TrackingEvent.of("e", null, TrackingEventType.IN_TRANSIT, "x", null, null),
                    "TrackingEvent.occurredAt is required");
            assertInvalid(() -> TrackingEvent.of("e", NOW, null, "x", null, null), "TrackingEvent.type is required");
            assertInvalid(
                    () -> TrackingEvent.of("e", NOW, TrackingEventType.IN_TRANSIT, "", null, null),
                    "TrackingEvent.description");
            assertInvalid(
                    () -> TrackingEvent.of("e", NOW, TrackingEventType.IN_TRANSIT, "x", null, " "),
                    "TrackingEvent.location");
            assertInvalid(() -> new TrackingInfo("", List.of(), null), "TrackingInfo.trackingNumber");
            assertInvalid(() -> new TrackingInfo("RR123456785CN", null, null), "TrackingInfo.events is required");
        }

        @Test
        void aTrackingRequestNamesTheShipmentAndWhereItGoes() {
            CarrierShipment shipment = new CarrierShipment("sandbox-post", "bk-1", "RR123456785CN");
            assertThat(new TrackingRequest(shipment, DE, "10115").destinationPostalCode())
                    .isEqualTo("10115");
            assertThat(new TrackingRequest(shipment, CountryCode.of("HK"), null).destinationPostalCode())
                    .isNull();
            assertInvalid(() -> new TrackingRequest(null, DE, null), "TrackingRequest.shipment is required");
            assertInvalid(
                    () -> new TrackingRequest(shipment, null, null), "TrackingRequest.destinationCountry is required");
            assertInvalid(
                    () -> new TrackingRequest(shipment, DE, "10115!"),
                    "TrackingRequest.destinationPostalCode must be letters, digits");
        }

        @Test
        void aForgedNotificationYieldsNothingAndUpdatesNameTheirShipment() {
            TrackingUpdate update = new TrackingUpdate("sandbox-post", "RR123456785CN", null, held, null);
            assertThat(TrackingNotificationResult.verified(List.of(update)).updates())
                    .containsExactly(update);
            assertThat(TrackingNotificationResult.rejected().verified()).isFalse();
            assertInvalid(
                    () -> new TrackingNotificationResult(false, List.of(update), null),
                    "TrackingNotificationResult.updates must be empty when verified is false");
            assertInvalid(
                    () -> new TrackingNotificationResult(true, List.of(), "a".repeat(1001)),
                    "TrackingNotificationResult.acknowledgement must be at most 1000");
            assertInvalid(
                    () -> new TrackingNotificationResult(true, java.util.Collections.nCopies(501, update), null),
                    "TrackingNotificationResult.updates must hold at most 500 updates, had 501");
            assertInvalid(
                    () -> new TrackingUpdate("sandbox-post", "", null, held, null), "TrackingUpdate.trackingNumber");
            assertInvalid(
                    () -> new TrackingUpdate("sandbox-post", "T", null, null, null),
                    "TrackingUpdate.event is required");
            assertInvalid(() -> new TrackingUpdate("SANDBOX", "T", null, held, null), "TrackingUpdate.carrierCode");
            assertInvalid(
                    () -> new TrackingUpdate("sandbox-post", "T", "b".repeat(129), held, null),
                    "TrackingUpdate.shipmentReference must be at most 128");
        }
    }
}
