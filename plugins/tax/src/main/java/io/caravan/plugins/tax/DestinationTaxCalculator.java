package io.caravan.plugins.tax;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.DutyTreatment;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Destination-based VAT/GST and low-value import regimes from effective-dated bundled data.
 *
 * <p>Stateless: one instance serves every store; everything store-specific comes from the
 * {@link PluginContext} of the call. Rates and thresholds come from {@link VatRates} and
 * {@link ImportRules} (bundled CSV, loaded once). Amounts are exact {@link Money}; each tax is
 * rounded once, per line, HALF_UP to the currency's minor units.
 */
public final class DestinationTaxCalculator implements TaxCalculator {

    static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private final VatRates rates;
    private final ImportRules rules;

    /** The calculator over the bundled data (the platform's constructor). */
    public DestinationTaxCalculator() {
        this(VatRates.BUNDLED, ImportRules.BUNDLED);
    }

    DestinationTaxCalculator(VatRates rates, ImportRules rules) {
        this.rates = rates;
        this.rules = rules;
    }

    @Override
    public TaxQuote quote(PluginContext context, Cart cart) {
        TaxSettings settings = TaxSettings.read(context.configuration());
        Set<CountryCode> from = new LinkedHashSet<>();
        for (LineItem l : cart.lines()) {
            from.add(l.shipFrom());
        }
        if (from.size() != 1) {
            throw new PluginRejectedException("mixed_ship_from", "Lines ship from " + from
                    + "; quote one consignment (one ship-from country) per cart");
        }
        Quote q = new Quote(cart, settings, from.iterator().next().code());
        q.run();
        return new TaxQuote(cart.currency(), cart.prices(), settings.dutyTreatment(), q.lineTaxes, q.shippingTaxes,
                q.duties, q.notices);
    }

    /** One quote being built; not shared between calls. */
    private final class Quote {
        final Cart cart;
        final TaxSettings s;
        final String from;
        final String dest;
        final LocalDate date;
        final String ccy;
        final List<TaxLine> lineTaxes = new ArrayList<>();
        final List<TaxLine> shippingTaxes = new ArrayList<>();
        final List<Duty> duties = new ArrayList<>();
        final List<String> notices = new ArrayList<>();

        Quote(Cart cart, TaxSettings s, String from) {
            this.cart = cart;
            this.s = s;
            this.from = from;
            this.dest = cart.destination().code();
            this.date = cart.orderDate();
            this.ccy = cart.currency().getCurrencyCode();
        }

        void run() {
            if (EU.contains(dest)) {
                if (EU.contains(from)) {
                    intraEu();
                } else {
                    euImport();
                }
            } else if (dest.equals(from)) {
                domestic();
            } else {
                switch (dest) {
                    case "GB" -> gbImport();
                    case "NO" -> noImport();
                    case "CH" -> chImport();
                    case "AU" -> lowValueGst("AU-LVIG", s.auGst());
                    case "NZ" -> lowValueGst("NZ-LVG", s.nzGst());
                    case "SG" -> lowValueGst("SG-LVG", s.sgGst());
                    case "JP" -> jpImport();
                    case "US" -> usImport();
                    default -> notices.add("[" + dest + "-IMPORT-NOT-COMPUTED] Import taxes and duties for " + dest
                            + " are not computed: the plugin has no low-value import rule for it.");
                }
            }
        }

        // ---- regimes -----------------------------------------------------------------------

        void domestic() {
            String jurisdiction = dest;
            if (dest.equals("US")) {
                notices.add("[US-SALES-TAX-NOT-COMPUTED] US state and local sales tax is not computed by this plugin.");
                return;
            }
            if (dest.equals("CA")) {
                String region = cart.shipTo().region();
                if (region != null && rates.covers("CA-" + region)) {
                    jurisdiction = "CA-" + region;
                } else {
                    notices.add("[CA-PST-NOT-COMPUTED] Provincial sales tax is not computed; federal GST only.");
                }
            }
            if (!rates.covers(jurisdiction)) {
                notices.add("[" + dest + "-NO-RATE-DATA] No VAT/GST rate data for " + dest + "; no tax computed.");
                return;
            }
            tax(jurisdiction, dest + "-DOMESTIC", "domestic sale", CollectedAt.CHECKOUT, l -> true, true);
        }

        void intraEu() {
            if (from.equals(dest)) {
                tax(dest, dest + "-DOMESTIC", "domestic sale", CollectedAt.CHECKOUT, l -> true, true);
                return;
            }
            ImportRules.Rule oss = rules.rule("EU-OSS");
            String threshold = "EUR " + oss.threshold().toPlainString();
            if (s.oss() && oss.inForce(date)) {
                tax(dest, "EU-OSS", "intra-EU distance sale from " + from + ", destination VAT declared via Union OSS"
                        + " (rule EU-OSS " + oss.dates() + ")", CollectedAt.CHECKOUT, l -> true, true);
            } else if (from.equals(s.originCountry())) {
                tax(from, "EU-DISTANCE-SELLER-STATE", "intra-EU distance sale by a store not OSS-registered: VAT of"
                        + " the seller's member state while its EU distance sales stay ≤ " + threshold
                        + "/year (EU-OSS " + oss.dates() + ")", CollectedAt.CHECKOUT, l -> true, true);
                notices.add("[EU-OSS] Seller-state VAT assumes the store's intra-EU distance sales stay within "
                        + threshold + " a year; above it the store must register for OSS (not tracked by the plugin).");
            } else {
                tax(dest, "EU-DISTANCE-DESTINATION", "intra-EU distance sale dispatched from " + from + " by a store"
                        + " not established there: the " + threshold + " threshold does not apply, destination VAT",
                        CollectedAt.CHECKOUT, l -> true, true);
                notices.add("[EU-DISTANCE-DESTINATION] The store is not OSS-registered; destination VAT is due"
                        + " in " + dest + " (register for OSS or locally).");
            }
        }

        void euImport() {
            ImportRules.Rule ioss = rules.rule("EU-IOSS");
            BigDecimal value = s.convert(netGoodsValue(dest), ccy, ioss.currency());
            boolean low = value.compareTo(ioss.threshold()) <= 0;
            String valueText = "consignment " + money(value, ioss.currency()) + s.describe(ccy, ioss.currency());
            String limit = ioss.currency() + " " + ioss.threshold().toPlainString();
            if (low && s.iossNumber() != null && ioss.inForce(date)) {
                tax(dest, "EU-IOSS", "import from " + from + ", " + valueText + " ≤ " + limit
                        + ": VAT collected at checkout under IOSS (" + ioss.dates() + ")", CollectedAt.CHECKOUT,
                        l -> true, true);
                notices.add("[EU-IOSS] No import VAT on delivery: VAT is collected at checkout (IOSS).");
            } else {
                String why = low ? valueText + " ≤ " + limit + " but the store has no IOSS number"
                        : valueText + " > " + limit + " (EU-IOSS ceiling)";
                tax(dest, "EU-IMPORT-VAT", "import from " + from + ", " + why + ": import VAT at the border, "
                        + payer(), border(), l -> true, true);
            }
            if (!low) {
                notices.add("[EU-DUTY-TARIFF] Consignment above " + limit + ": customs duty at the normal tariff"
                        + " applies (" + payer() + ") and is NOT computed: the plugin has no tariff data.");
                return;
            }
            if (rules.inForce("EU-DUTY-RELIEF-150", date).isPresent()) {
                notices.add("[EU-DUTY-RELIEF-150] No customs duty: consignment ≤ " + limit + " (relief until "
                        + rules.rule("EU-DUTY-RELIEF-150").effectiveTo() + ").");
                return;
            }
            var flat = rules.inForce("EU-DUTY-FLAT-3", date);
            if (flat.isEmpty()) {
                notices.add("[EU-DUTY-TARIFF] Customs duty on this consignment is NOT computed: no rule in the data"
                        + " for " + date + ".");
                return;
            }
            euFlatDuty(flat.get());
        }

        void euFlatDuty(ImportRules.Rule rule) {
            Map<String, List<LineItem>> bySubheading = new LinkedHashMap<>();
            for (LineItem l : cart.lines()) {
                if (l.hsCode() == null) {
                    notices.add("[EU-DUTY-FLAT-3] Line " + l.lineId() + " has no HS code: its customs duty is NOT"
                            + " computed.");
                } else {
                    bySubheading.computeIfAbsent(l.hsCode().subheading(), k -> new ArrayList<>()).add(l);
                }
            }
            int scale = cart.currency().getDefaultFractionDigits();
            Money perItem = Money.of(s.convert(rule.extraAmount(), rule.currency(), ccy, scale), cart.currency(),
                    RoundingMode.UNNECESSARY);
            for (var e : bySubheading.entrySet()) {
                Money dutiable = Money.zero(cart.currency());
                for (LineItem l : e.getValue()) {
                    dutiable = dutiable.plus(l.amount());
                }
                duties.add(new Duty(e.getValue().get(0).lineId(), e.getValue().get(0).hsCode(), dutiable, perItem,
                        BigDecimal.ZERO, "EU", rule.id(), fit("EU interim flat customs duty " + rule.currency() + " "
                        + rule.extraAmount().toPlainString() + " per distinct tariff subheading (" + e.getKey()
                        + ", " + e.getValue().size() + " line(s)) on consignments ≤ " + rule.currency() + " "
                        + rule.threshold().toPlainString() + ", " + rule.dates() + s.describe(rule.currency(), ccy)
                        + "; flat amount, rate not applicable; " + payer()
                        + ". Scope per Commission guidance: all B2C consignments (data notes a conflict)."),
                        border()));
            }
        }

        void gbImport() {
            ImportRules.Rule r = rules.rule("GB-LVG-135");
            BigDecimal value = s.convert(netGoodsValue("GB"), ccy, r.currency());
            String limit = r.currency() + " " + r.threshold().toPlainString();
            String valueText = "consignment " + money(value, r.currency()) + s.describe(ccy, r.currency());
            if (value.compareTo(r.threshold()) <= 0 && r.inForce(date)) {
                if (!s.ukVat()) {
                    throw new PluginRejectedException("uk_vat_registration_required", "UK consignments ≤ " + limit
                            + " require the seller to charge UK VAT at the point of sale; the store is not"
                            + " configured as UK VAT-registered (registrations/ukVat)");
                }
                tax("GB", "GB-LVG-135", "import from " + from + ", " + valueText + " ≤ " + limit
                        + ": UK VAT charged at the point of sale by the seller (" + r.dates() + ")",
                        CollectedAt.CHECKOUT, l -> true, true);
                notices.add("[GB-LVG-135] No import VAT at the border; customs duty relief for consignments ≤ "
                        + limit + " continues (until abolished, by October 2028 at the latest).");
            } else {
                tax("GB", "GB-IMPORT-VAT", "import from " + from + ", " + valueText + " > " + limit
                        + ": import VAT at the border, " + payer(), border(), l -> true, true);
                notices.add("[GB-DUTY-TARIFF] Customs duty above " + limit + " is NOT computed: no tariff data.");
            }
        }

        void noImport() {
            ImportRules.Rule r = rules.rule("NO-VOEC");
            boolean voec = s.voecNumber() != null && r.inForce(date);
            Predicate<LineItem> lowItem = l -> s.convert(netUnitValue("NO", l), ccy, r.currency())
                    .compareTo(r.threshold()) < 0;
            String limit = r.currency() + " " + r.threshold().toPlainString();
            if (voec) {
                tax("NO", "NO-VOEC", "import from " + from + ", item value < " + limit + " per item: Norwegian VAT"
                        + " at the point of sale under VOEC " + s.voecNumber() + " (" + r.dates() + ")",
                        CollectedAt.CHECKOUT, lowItem, true);
                tax("NO", "NO-IMPORT-VAT", "item value ≥ " + limit + " (outside VOEC): import VAT at the"
                        + " border, " + payer(), border(), lowItem.negate(), cart.lines().stream().noneMatch(lowItem));
                notices.add("[NO-VOEC] VOEC items are exempt from customs duty; foodstuffs, restricted and excise"
                        + " goods are outside VOEC (not detected by the plugin).");
            } else {
                tax("NO", "NO-IMPORT-VAT", "import from " + from + ", store has no VOEC number: import VAT at the"
                        + " border, " + payer(), border(), l -> true, true);
            }
            if (!voec || cart.lines().stream().anyMatch(lowItem.negate())) {
                notices.add("[NO-DUTY-TARIFF] Customs duty on goods outside VOEC is NOT computed: no tariff data.");
            }
        }

        void chImport() {
            ImportRules.Rule r = rules.rule("CH-MAIL-ORDER");
            if (s.chVat() && r.inForce(date)) {
                tax("CH", "CH-MAIL-ORDER", "import from " + from + " by a store registered for Swiss VAT (mail-order"
                        + " rule, " + r.dates() + "): Swiss VAT at checkout, store imports in its own name",
                        CollectedAt.CHECKOUT, l -> true, true);
            } else {
                int before = lineTaxes.size();
                tax("CH", "CH-IMPORT-VAT", "import from " + from + ": import VAT at the border, " + payer(), border(),
                        l -> true, true);
                Money total = Money.zero(cart.currency());
                for (TaxLine t : lineTaxes.subList(before, lineTaxes.size())) {
                    total = total.plus(t.taxAmount());
                }
                for (TaxLine t : shippingTaxes) {
                    total = total.plus(t.taxAmount());
                }
                BigDecimal inChf = s.convert(total.amount(), ccy, r.currency());
                if (r.inForce(date) && inChf.compareTo(r.extraAmount()) <= 0) {
                    lineTaxes.subList(before, lineTaxes.size()).clear();
                    shippingTaxes.clear();
                    notices.add("[CH-SMALL-CONSIGNMENT] Import VAT of " + money(inChf, r.currency())
                            + s.describe(ccy, r.currency()) + " is ≤ " + r.currency() + " "
                            + r.extraAmount().toPlainString() + ": not levied (small-consignment rule, " + r.dates()
                            + ").");
                }
            }
            notices.add("[CH-DUTY] Customs duties are NOT computed; per the data, industrial goods (tariff chapters"
                    + " 25-97) are duty-free since 2024-01-01, agricultural goods remain dutiable.");
        }

        void lowValueGst(String ruleId, boolean registered) {
            ImportRules.Rule r = rules.rule(ruleId);
            Predicate<LineItem> lowItem = l -> s.convert(netUnitValue(dest, l), ccy, r.currency())
                    .compareTo(r.threshold()) <= 0;
            String limit = r.currency() + " " + r.threshold().toPlainString();
            boolean inForce = r.inForce(date);
            if (registered && inForce) {
                tax(dest, ruleId, "import from " + from + ", item value ≤ " + limit + ": GST at the point of sale by"
                        + " the registered seller (" + r.dates() + ")", CollectedAt.CHECKOUT, lowItem, true);
                tax(dest, dest + "-IMPORT-GST", "item value > " + limit + ": GST at the border, " + payer(),
                        border(), lowItem.negate(), cart.lines().stream().noneMatch(lowItem));
            } else {
                if (inForce && cart.lines().stream().anyMatch(lowItem)) {
                    notices.add("[" + ruleId + "] The store is not configured as GST-registered in " + dest
                            + ": no GST collected on items ≤ " + limit + " (registration is required above the"
                            + " local turnover threshold).");
                }
                Predicate<LineItem> border = inForce ? lowItem.negate() : l -> true;
                tax(dest, dest + "-IMPORT-GST", "import from " + from + (inForce ? ", item value > " + limit : "")
                        + ": GST at the border, " + payer(), border(), border, true);
            }
            if (cart.lines().stream().anyMatch(lowItem.negate()) || !inForce) {
                notices.add("[" + dest + "-DUTY-TARIFF] Customs duty above " + limit + " is NOT computed: no tariff"
                        + " data.");
            }
        }

        void jpImport() {
            ImportRules.Rule r = rules.rule("JP-SMALL-VALUE");
            BigDecimal value = s.convert(goodsValue(), ccy, r.currency());
            String limit = r.currency() + " " + r.threshold().toPlainString();
            if (r.inForce(date) && value.compareTo(r.threshold()) <= 0) {
                notices.add("[JP-SMALL-VALUE] Consignment " + money(value, r.currency()) + s.describe(ccy, r.currency())
                        + " ≤ " + limit + ": customs duty and import consumption tax exempted.");
                return;
            }
            tax("JP", "JP-IMPORT-CT", "import from " + from + ", consignment > " + limit + ": import consumption"
                    + " tax at the border on the price charged (estimate; the 60 % personal-use valuation is not"
                    + " applied), " + payer(), border(), l -> true, false);
            notices.add("[JP-DUTY-TARIFF] Customs duty above " + limit + " is NOT computed: no tariff data.");
        }

        void usImport() {
            ImportRules.Rule all = rules.rule("US-DE-MINIMIS-SUSPENDED");
            ImportRules.Rule cnhk = rules.rule("US-DE-MINIMIS-SUSPENDED-CN-HK");
            boolean suspended = all.inForce(date) || cnhk.inForce(date) && cart.lines().stream()
                    .allMatch(l -> l.origin().code().equals("CN") || l.origin().code().equals("HK"));
            boolean partly = !suspended && cnhk.inForce(date) && cart.lines().stream()
                    .anyMatch(l -> l.origin().code().equals("CN") || l.origin().code().equals("HK"));
            String limit = all.currency() + " " + all.threshold().toPlainString();
            if (suspended || partly) {
                ImportRules.Rule r = all.inForce(date) ? all : cnhk;
                notices.add("[" + r.id() + "] No duty-free de minimis (" + limit + ") on " + date + ": the suspension"
                        + " applies " + r.dates() + (r == cnhk ? " to China/Hong Kong goods" : " to all countries")
                        + "; duties apply whatever the value (" + payer() + ") and are NOT computed: the plugin has"
                        + " no HTS tariff data.");
            } else {
                BigDecimal value = s.convert(goodsValue(), ccy, all.currency());
                if (value.compareTo(all.threshold()) <= 0) {
                    notices.add("[US-DE-MINIMIS-800] Shipment " + money(value, all.currency()) + " ≤ " + limit
                            + ": duty-free under Section 321 de minimis (before its suspension "
                            + (cnhk.effectiveFrom()) + "/" + all.effectiveFrom() + ").");
                } else {
                    notices.add("[US-DUTY-TARIFF] Shipment above " + limit + ": duties apply and are NOT computed.");
                }
            }
            notices.add("[US-SALES-TAX-NOT-COMPUTED] US state and local sales tax is not computed by this plugin.");
        }

        // ---- computation -------------------------------------------------------------------

        DutyTreatment treatment() {
            return s.dutyTreatment();
        }

        CollectedAt border() {
            return treatment() == DutyTreatment.DDP ? CollectedAt.CHECKOUT : CollectedAt.DELIVERY;
        }

        String payer() {
            return treatment() == DutyTreatment.DDP ? "paid by the seller (DDP)" : "paid by the shopper on delivery (DAP)";
        }

        /** Taxes the selected lines and, if {@code withShipping}, the shipping charge. */
        void tax(String jurisdiction, String ruleId, String regime, CollectedAt at, Predicate<LineItem> which,
                boolean withShipping) {
            boolean any = false;
            for (LineItem l : cart.lines()) {
                if (which.test(l)) {
                    any = true;
                    VatRates.Rate rate = rates.forCategory(jurisdiction, l.taxCategory(), date)
                            .orElseThrow(() -> noRate(jurisdiction));
                    lineTaxes.add(line(l.lineId(), l.amount(), rate, ruleId, regime, at));
                }
            }
            if (withShipping && any && cart.shipping().minorUnits() > 0) {
                VatRates.Rate rate = rates.standard(jurisdiction, date).orElseThrow(() -> noRate(jurisdiction));
                shippingTaxes.add(line(TaxLine.SHIPPING, cart.shipping(), rate, ruleId,
                        regime + "; shipping at the standard rate", at));
            }
        }

        PluginRejectedException noRate(String jurisdiction) {
            return new PluginRejectedException("no_rate_for_date", "The bundled data has no VAT/GST rate for "
                    + jurisdiction + " on " + date);
        }

        /**
         * One tax line. Prices including tax with the tax collected at checkout: tax = price × r/(1+r);
         * otherwise tax = price × r. Rounded once, HALF_UP, to minor units.
         */
        TaxLine line(String ref, Money amount, VatRates.Rate rate, String ruleId, String regime, CollectedAt at) {
            BigDecimal r = rate.fraction();
            int scale = amount.currency().getDefaultFractionDigits();
            boolean extract = cart.prices() == PriceDisplay.INCLUDING_TAX && at == CollectedAt.CHECKOUT;
            BigDecimal taxDecimal = extract
                    ? amount.amount().multiply(r).divide(BigDecimal.ONE.add(r), scale, RoundingMode.HALF_UP)
                    : amount.amount().multiply(r).setScale(scale, RoundingMode.HALF_UP);
            Money tax = Money.of(taxDecimal, amount.currency(), RoundingMode.UNNECESSARY);
            Money taxable = extract ? amount.minus(tax) : amount;
            String pct = pct(rate.percent());
            String calc = extract ? "tax = price incl. tax × " + pct + "/(100 % + " + pct + ")"
                    : at == CollectedAt.DELIVERY && cart.prices() == PriceDisplay.INCLUDING_TAX
                            ? "tax = price charged × " + pct + " (not contained in the price)"
                            : "tax = price × " + pct;
            String text = rate.countryName() + " " + pct + " (" + rate.basis() + "; order date " + date + "); "
                    + regime + "; " + calc + ", rounded HALF_UP to minor units per line.";
            return new TaxLine(ref, taxable, tax, r, rate.jurisdiction(), fitId(ruleId + "/" + rate.jurisdiction()
                    + "-" + rate.ruleSuffix()), fit(text), at);
        }

        /** The goods value as charged (excluding shipping). */
        BigDecimal goodsValue() {
            return cart.subtotal().amount();
        }

        /** The goods value net of the destination's tax (intrinsic value), exact; excludes shipping. */
        BigDecimal netGoodsValue(String country) {
            BigDecimal sum = BigDecimal.ZERO;
            for (LineItem l : cart.lines()) {
                sum = sum.add(net(country, l, l.amount().amount()));
            }
            return sum;
        }

        BigDecimal netUnitValue(String country, LineItem l) {
            return net(country, l, l.unitPrice().amount());
        }

        private BigDecimal net(String country, LineItem l, BigDecimal gross) {
            if (cart.prices() == PriceDisplay.EXCLUDING_TAX) {
                return gross;
            }
            BigDecimal r = rates.forCategory(country, l.taxCategory(), date).orElseThrow(() -> noRate(country))
                    .fraction();
            return gross.divide(BigDecimal.ONE.add(r), MathContext.DECIMAL128);
        }
    }

    static String pct(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + " %";
    }

    static String money(BigDecimal amount, String currency) {
        return currency + " " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String fit(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    static String fitId(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64);
    }
}
