package io.caravan.sdk.tax;

import static io.caravan.sdk.Fixtures.EUR;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.PriceDisplay;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaxQuoteTest {
    private static final BigDecimal DE_VAT = new BigDecimal("0.19");

    private static TaxLine vat(String ref, long net, long tax, CollectedAt when) {
        return new TaxLine(ref, eur(net), eur(tax), DE_VAT, "DE", "EU-IOSS", "German VAT 19 % under IOSS", when);
    }

    private static Duty duty(String ref, long value, long amount, CollectedAt when) {
        return new Duty(
                ref,
                HsCode.of("610910"),
                eur(value),
                eur(amount),
                new BigDecimal("0.12"),
                "EU",
                "EU-CCT",
                "EU duty 12 % on cotton T-shirts",
                when);
    }

    @Nested
    class TaxLines {
        @Test
        void amountsAreNotNegativeAndInOneCurrency() {
            assertInvalid(
                    () -> new TaxLine("1", eur(-1), eur(0), DE_VAT, "DE", "r", "e", CollectedAt.CHECKOUT),
                    "TaxLine.taxableAmount must not be negative");
            assertInvalid(
                    () -> new TaxLine("1", eur(100), eur(-19), DE_VAT, "DE", "r", "e", CollectedAt.CHECKOUT),
                    "TaxLine.taxAmount must not be negative");
            assertInvalid(
                    () -> new TaxLine("1", eur(100), usd(19), DE_VAT, "DE", "r", "e", CollectedAt.CHECKOUT),
                    "TaxLine.taxAmount must be in EUR");
        }

        @Test
        void rateIsANonNegativeFraction() {
            assertInvalid(
                    () -> new TaxLine(
                            "1", eur(100), eur(0), new BigDecimal("-0.01"), "DE", "r", "e", CollectedAt.CHECKOUT),
                    "TaxLine.rate must be >= 0");
            assertInvalid(
                    () -> new TaxLine("1", eur(100), eur(0), null, "DE", "r", "e", CollectedAt.CHECKOUT),
                    "TaxLine.rate is required");
        }

        @Test
        void namesItsRuleAndExplainsIt() {
            assertInvalid(
                    () -> new TaxLine("1", eur(1), eur(0), DE_VAT, "DE", " ", "e", CollectedAt.CHECKOUT),
                    "TaxLine.ruleId must not be blank");
            assertInvalid(
                    () -> new TaxLine("1", eur(1), eur(0), DE_VAT, "DE", "r", null, CollectedAt.CHECKOUT),
                    "TaxLine.explanation is required");
            assertInvalid(
                    () -> new TaxLine("1", eur(1), eur(0), DE_VAT, "", "r", "e", CollectedAt.CHECKOUT),
                    "TaxLine.jurisdiction");
            assertInvalid(
                    () -> new TaxLine("", eur(1), eur(0), DE_VAT, "DE", "r", "e", CollectedAt.CHECKOUT),
                    "TaxLine.lineRef");
            assertInvalid(
                    () -> new TaxLine("1", eur(1), eur(0), DE_VAT, "DE", "r", "e", null),
                    "TaxLine.collectedAt is required");
        }
    }

    @Nested
    class Duties {
        @Test
        void validatesLikeATaxLine() {
            assertInvalid(
                    () -> new Duty("1", null, eur(100), usd(12), BigDecimal.ONE, "EU", "r", "e", CollectedAt.DELIVERY),
                    "Duty.amount must be in EUR");
            assertInvalid(
                    () -> new Duty("1", null, eur(-100), eur(12), BigDecimal.ONE, "EU", "r", "e", CollectedAt.DELIVERY),
                    "Duty.dutiableValue must not be negative");
            assertInvalid(
                    () -> new Duty(
                            "1", null, eur(100), eur(12), new BigDecimal("-1"), "EU", "r", "e", CollectedAt.DELIVERY),
                    "Duty.rate must be >= 0");
            assertInvalid(
                    () -> new Duty("1", null, eur(100), eur(12), BigDecimal.ONE, "EU", "", "e", CollectedAt.DELIVERY),
                    "Duty.ruleId");
            assertThat(new Duty("1", null, eur(100), eur(12), BigDecimal.ONE, "EU", "r", "e", CollectedAt.DELIVERY)
                            .hsCode())
                    .isNull();
        }
    }

    @Nested
    class Quotes {
        @Test
        void shippingTaxesPointAtShippingAndLineTaxesDoNot() {
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.INCLUDING_TAX,
                            DutyTreatment.DDP,
                            List.of(vat(TaxLine.SHIPPING, 100, 19, CollectedAt.CHECKOUT)),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of()),
                    "TaxQuote.lineTaxes[0].lineRef must be a cart line id");
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.INCLUDING_TAX,
                            DutyTreatment.DDP,
                            List.of(),
                            List.of(vat("1", 100, 19, CollectedAt.CHECKOUT)),
                            List.of(),
                            List.of(),
                            List.of()),
                    "TaxQuote.shippingTaxes[0].lineRef must be \"shipping\"");
        }

        @Test
        void everyAmountIsInTheQuoteCurrency() {
            TaxLine inUsd = new TaxLine("1", usd(100), usd(19), DE_VAT, "DE", "r", "e", CollectedAt.CHECKOUT);
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.INCLUDING_TAX,
                            DutyTreatment.DDP,
                            List.of(inUsd),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of()),
                    "TaxQuote.lineTaxes[0] must be in EUR");
        }

        @Test
        void deliveredDutyPaidMeansNothingOnDelivery() {
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.INCLUDING_TAX,
                            DutyTreatment.DDP,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(duty("1", 1000, 120, CollectedAt.DELIVERY)),
                            List.of()),
                    "TaxQuote.duties[0].collectedAt must be CHECKOUT under DDP");
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.INCLUDING_TAX,
                            DutyTreatment.DDP,
                            List.of(vat("1", 100, 19, CollectedAt.DELIVERY)),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of()),
                    "TaxQuote.lineTaxes[0].collectedAt must be CHECKOUT under DDP");
        }

        @Test
        void requiresCurrencyPricesTreatmentAndLists() {
            assertInvalid(
                    () -> new TaxQuote(
                            null,
                            PriceDisplay.INCLUDING_TAX,
                            DutyTreatment.DDP,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of()),
                    "TaxQuote.currency is required");
            assertInvalid(
                    () -> new TaxQuote(
                            EUR, null, DutyTreatment.DDP, List.of(), List.of(), List.of(), List.of(), List.of()),
                    "TaxQuote.prices is required");
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.INCLUDING_TAX,
                            null,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of()),
                    "TaxQuote.dutyTreatment is required");
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.INCLUDING_TAX,
                            DutyTreatment.DAP,
                            null,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of()),
                    "TaxQuote.lineTaxes is required");
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.INCLUDING_TAX,
                            DutyTreatment.DAP,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(" ")),
                    "TaxQuote.notices[0] must not be blank");
        }

        @Test
        void totalsSeparateCheckoutFromDelivery() {
            TaxQuote quote = new TaxQuote(
                    EUR,
                    PriceDisplay.EXCLUDING_TAX,
                    DutyTreatment.DAP,
                    List.of(vat("1", 1000, 190, CollectedAt.CHECKOUT), vat("2", 500, 95, CollectedAt.DELIVERY)),
                    List.of(vat(TaxLine.SHIPPING, 400, 76, CollectedAt.CHECKOUT)),
                    List.of(),
                    List.of(duty("1", 1000, 120, CollectedAt.DELIVERY), duty("2", 500, 60, CollectedAt.CHECKOUT)),
                    List.of("Import VAT collected at checkout (IOSS)."));
            assertThat(quote.totalTax()).isEqualTo(eur(361));
            assertThat(quote.taxAtCheckout()).isEqualTo(eur(266));
            assertThat(quote.totalDuties()).isEqualTo(eur(180));
            assertThat(quote.dutiesAtCheckout()).isEqualTo(eur(60));
            assertThat(quote.dueOnDelivery()).isEqualTo(eur(215));
            assertThat(quote.addedAtCheckout()).isEqualTo(eur(326));
        }

        @Test
        void taxInsidePricesIsNotAddedAgain() {
            TaxQuote quote = new TaxQuote(
                    EUR,
                    PriceDisplay.INCLUDING_TAX,
                    DutyTreatment.DDP,
                    List.of(vat("1", 1680, 319, CollectedAt.CHECKOUT)),
                    List.of(),
                    List.of(),
                    List.of(duty("1", 1680, 202, CollectedAt.CHECKOUT)),
                    List.of());
            assertThat(quote.addedAtCheckout()).isEqualTo(eur(202));
            assertThat(quote.dueOnDelivery()).isEqualTo(eur(0));
        }

        @Test
        void feeTaxesPointAtFeesAndCountInTheTotals() {
            TaxQuote quote = new TaxQuote(
                    EUR,
                    PriceDisplay.EXCLUDING_TAX,
                    DutyTreatment.DDP,
                    List.of(vat("1", 1000, 190, CollectedAt.CHECKOUT)),
                    List.of(vat(TaxLine.SHIPPING, 400, 76, CollectedAt.CHECKOUT)),
                    List.of(vat("cod-fee", 300, 57, CollectedAt.CHECKOUT)),
                    List.of(),
                    List.of());
            assertThat(quote.totalTax()).isEqualTo(eur(323));
            assertThat(quote.addedAtCheckout()).isEqualTo(eur(323));
            assertInvalid(
                    () -> new TaxQuote(
                            EUR,
                            PriceDisplay.EXCLUDING_TAX,
                            DutyTreatment.DDP,
                            List.of(),
                            List.of(),
                            List.of(vat(TaxLine.SHIPPING, 300, 57, CollectedAt.CHECKOUT)),
                            List.of(),
                            List.of()),
                    "TaxQuote.feeTaxes[0].lineRef must be a cart fee id");
        }
    }
}
