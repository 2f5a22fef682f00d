package io.caravan.platform.commerce.application;

import io.caravan.platform.catalog.application.CatalogQueries;
import io.caravan.platform.catalog.application.Sellable;
import io.caravan.platform.catalog.application.SellableSkus;
import io.caravan.platform.catalog.application.StockAllocator;
import io.caravan.platform.catalog.application.Warehouses;
import io.caravan.platform.catalog.domain.AllocationPlan;
import io.caravan.platform.catalog.domain.InsufficientStockException;
import io.caravan.platform.catalog.domain.Requested;
import io.caravan.platform.commerce.application.CheckoutQuote.Producer;
import io.caravan.platform.commerce.domain.CommerceSettings;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.NoPluginInstalledException;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.PluginRefusalException;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.sdk.carriers.Consignment;
import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.carriers.RateExclusion;
import io.caravan.sdk.carriers.RateQuote;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.RateResult;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.Fee;
import io.caravan.sdk.model.FeeKind;
import io.caravan.sdk.model.Goods;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.model.WarehouseKind;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.PaymentCapability;
import io.caravan.sdk.payments.PaymentMethod;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes a checkout's quote: prices from the store's catalogue (never the client's), stock
 * allocated to warehouses by the store's rule, every carrier plugin's options per consignment,
 * every payments plugin's methods ordered by the store's routing, then the tax plugin on the lines,
 * shipping and fees, and the total in the store currency with the shopper-currency display. Every
 * plugin answer is checked before it is used ({@link PluginAnswers}); a plugin that failed is a flag
 * on the quote, never a silent zero. No transaction is held while plugins run.
 */
@ApplicationScoped
public class CheckoutQuoting {
    /** The fee id of the chosen payment method's fee (cash on delivery) in the cart. */
    public static final String METHOD_FEE_ID = "payment-method-fee";

    @Inject
    CatalogQueries catalog;

    @Inject
    StockAllocator allocator;

    @Inject
    Warehouses warehouses;

    @Inject
    PluginHost host;

    @Inject
    TaxQuoting taxes;

    @Inject
    ExchangeRates rates;

    @Inject
    CommerceSettingsService settings;

    @Inject
    Clock clock;

    /**
     * A computed quote with the SDK cart it was computed from (what the tax plugin saw, and what
     * the order and its events carry).
     */
    public record Computed(CheckoutQuote quote, Cart cart) {}

    /**
     * @throws InvalidFieldsException   a field of the request is bad (syntax, unknown or unsold SKU,
     *                                  an option or method the checkout does not offer)
     * @throws OutOfStockException      the store cannot ship the quantities to the destination
     */
    public Computed compute(StoreContext context, Store store, String checkoutId, CheckoutRequest request) {
        Currency currency = store.settings().defaultCurrency();
        Set<String> selling = new HashSet<>();
        store.settings().sellingCountries().forEach(c -> selling.add(c.toString()));
        request.validate(selling);
        CountryCode destination = CountryCode.of(request.shipTo().country());
        Locale locale = Locale.forLanguageTag(
                request.shopper().locale() == null ? "en" : request.shopper().locale());
        PriceDisplay prices =
                PriceDisplay.valueOf(store.settings().priceDisplay().name());
        Instant now = clock.instant();
        List<CheckoutQuote.Flag> flags = new ArrayList<>();
        List<String> blockers = new ArrayList<>();

        Map<String, Sellable> items = sellables(context.storeId(), request, currency);
        AllocationPlan plan = allocate(context.storeId(), request, destination);
        Map<String, io.caravan.platform.catalog.domain.Warehouse> sites = new HashMap<>();
        for (io.caravan.platform.catalog.domain.Warehouse w : warehouses.list(context.storeId())) {
            sites.put(w.code(), w);
        }

        // lines, in the request's order, each shipped by the consignment that holds its SKU
        Map<String, String> consignmentOfSku = new HashMap<>();
        for (io.caravan.platform.catalog.domain.Consignment c : plan.consignments()) {
            for (io.caravan.platform.catalog.domain.Consignment.Line l : c.lines()) {
                // a SKU split across warehouses ships from the first that holds part of it
                consignmentOfSku.putIfAbsent(l.sku(), c.warehouse());
            }
        }
        List<LineItem> sdkLines = new ArrayList<>();
        Map<String, String> lineOfSku = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            CheckoutRequest.LineRequest asked = request.lines().get(i);
            Sellable item = items.get(asked.sku());
            String lineId = "L" + (i + 1);
            lineOfSku.put(asked.sku(), lineId);
            io.caravan.platform.catalog.domain.Warehouse from = sites.get(consignmentOfSku.get(asked.sku()));
            sdkLines.add(lineItem(lineId, item, asked.quantity(), currency, from.country()));
        }

        List<Consignment> consignments = new ArrayList<>();
        for (io.caravan.platform.catalog.domain.Consignment c : plan.consignments()) {
            consignments.add(consignment(c, sites.get(c.warehouse()), sdkLines, lineOfSku, currency));
        }
        Address shipTo = address(request.shipTo());
        Customer customer = new Customer(
                "guest:" + request.shopper().email().toLowerCase(Locale.ROOT),
                request.shopper().email(),
                CountryCode.of(request.shopper().country()),
                null);

        // shipping: every carrier answering for the destination, per consignment
        Map<String, List<CheckoutQuote.ShippingOption>> options = new LinkedHashMap<>();
        Map<String, List<CheckoutQuote.Exclusion>> exclusions = new LinkedHashMap<>();
        consignments.forEach(c -> {
            options.put(c.consignmentId(), new ArrayList<>());
            exclusions.put(c.consignmentId(), new ArrayList<>());
        });
        RateRequest rateRequest = new RateRequest(
                consignments, shipTo, currency, LocalDate.ofInstant(now, ZoneOffset.UTC), DutyTreatment.DDP);
        for (InstalledPlugin carrier :
                host.providers(context.ref(), PluginPoint.CARRIER_RATES, RoutingFacts.destination(destination))) {
            Producer producer = producer(carrier);
            try {
                PluginOutcome<RateResult> outcome = host.call(
                        carrier,
                        PluginPoint.CARRIER_RATES,
                        (quoter, ctx) -> PluginAnswers.rates(quoter.quote(ctx, rateRequest), rateRequest, now),
                        null,
                        locale);
                if (!outcome.answered()) {
                    flags.add(new CheckoutQuote.Flag(
                            "CARRIER_SKIPPED",
                            "carrier " + producer.pluginId() + " was skipped: "
                                    + outcome.failure().describe(),
                            producer));
                    continue;
                }
                for (RateQuote q : outcome.value().quotes()) {
                    options.get(q.consignmentId()).add(option(producer, q));
                }
                for (RateExclusion x : outcome.value().exclusions()) {
                    exclusions
                            .get(x.consignmentId())
                            .add(new CheckoutQuote.Exclusion(
                                    producer, x.serviceCode(), x.reason().name(), x.message()));
                }
            } catch (PluginFailedException | PluginRefusalException e) {
                flags.add(new CheckoutQuote.Flag(
                        "CARRIER_FAILED",
                        "carrier " + producer.pluginId() + " gave no rates: " + e.getMessage(),
                        producer));
            }
        }

        // the shopper's choice per consignment (the cheapest until they choose)
        InvalidFieldsException.Collector choiceErrors = new InvalidFieldsException.Collector();
        Map<String, CheckoutQuote.ShippingOption> chosen = new LinkedHashMap<>();
        Map<String, String> chosenBy = new HashMap<>();
        for (String key : request.shipping().keySet()) {
            if (!options.containsKey(key)) {
                flags.add(new CheckoutQuote.Flag(
                        "SHIPPING_CHOICE_DROPPED",
                        "the shipping choice for " + key + " was dropped: the order no longer ships from there",
                        null));
            }
        }
        for (Map.Entry<String, List<CheckoutQuote.ShippingOption>> e : options.entrySet()) {
            List<CheckoutQuote.ShippingOption> offered = e.getValue();
            offered.sort(Comparator.comparingLong(CheckoutQuote.ShippingOption::price)
                    .thenComparingInt(CheckoutQuote.ShippingOption::maxDays)
                    .thenComparing(CheckoutQuote.ShippingOption::optionId));
            String wanted = request.shipping().get(e.getKey());
            if (offered.isEmpty()) {
                blockers.add("no carrier offers shipping for consignment " + e.getKey() + " to " + destination
                        + reasons(exclusions.get(e.getKey())));
                continue;
            }
            if (wanted == null) {
                chosen.put(e.getKey(), offered.get(0));
                chosenBy.put(e.getKey(), "default: cheapest");
            } else {
                CheckoutQuote.ShippingOption match = offered.stream()
                        .filter(o -> o.optionId().equals(wanted))
                        .findFirst()
                        .orElse(null);
                if (match == null) {
                    choiceErrors.add("shipping." + e.getKey(), "is not one of this consignment's options");
                } else {
                    chosen.put(e.getKey(), match);
                    chosenBy.put(e.getKey(), "shopper");
                }
            }
        }
        long shipping = 0;
        for (CheckoutQuote.ShippingOption o : chosen.values()) {
            shipping = Math.addExact(shipping, o.price());
        }
        Money shippingMoney = new Money(shipping, currency);
        long subtotal = 0;
        for (LineItem l : sdkLines) {
            subtotal = Math.addExact(subtotal, l.amount().minorUnits());
        }

        // payment methods: every payments plugin, filtered by the platform too, ordered by routing
        Cart methodsCart = cart(currency, prices, sdkLines, shippingMoney, List.of(), shipTo, customer, now);
        Map<String, CheckoutQuote.Method> methods = paymentMethods(
                context, methodsCart, destination, currency, Math.addExact(subtotal, shipping), locale, flags);
        String methodCode = request.paymentMethod();
        CheckoutQuote.Method method = null;
        if (methodCode != null) {
            method = methods.get(methodCode);
            if (method == null) {
                choiceErrors.add(
                        "paymentMethod",
                        "is not offered for this checkout (offered: "
                                + (methods.isEmpty() ? "none" : String.join(", ", methods.keySet())) + ")");
            }
        }
        choiceErrors.throwIfAny();
        List<Fee> fees = new ArrayList<>();
        if (method != null && method.fee() > 0) {
            fees.add(new Fee(
                    METHOD_FEE_ID,
                    FeeKind.PAYMENT_METHOD,
                    method.displayName() + " fee",
                    new Money(method.fee(), currency),
                    Money.zero(currency),
                    TaxCategory.STANDARD));
        }
        Cart cart = cart(currency, prices, sdkLines, shippingMoney, fees, shipTo, customer, now);

        // tax, once every consignment has shipping
        CheckoutQuote.Tax tax;
        Map<String, Long> lineTax = new HashMap<>();
        if (chosen.size() < consignments.size()) {
            tax = new CheckoutQuote.Tax("NOT_ASKED", null, null, 0, 0, 0, 0, 0, List.of(), "choose shipping first");
        } else {
            tax = tax(context, cart, locale, flags, blockers, lineTax);
        }

        long fee = fees.stream().mapToLong(f -> f.amount().minorUnits()).reduce(0, Math::addExact);
        long taxAdded = prices == PriceDisplay.EXCLUDING_TAX ? tax.taxAtCheckout() : 0;
        long total = Math.addExact(
                Math.addExact(Math.addExact(subtotal, shipping), fee), Math.addExact(taxAdded, tax.dutiesAtCheckout()));
        CheckoutQuote.Totals totals = new CheckoutQuote.Totals(
                subtotal,
                0,
                shipping,
                fee,
                tax.taxAtCheckout(),
                tax.dutiesAtCheckout(),
                total,
                Math.addExact(tax.taxOnDelivery(), tax.dutiesOnDelivery()));

        if (method != null && method.maximumAmount() != null && total > method.maximumAmount()) {
            blockers.add(methodCode + " takes orders up to " + method.maximumAmount() + "; this one is " + total);
        }
        CommerceSettings storeSettings = settings.settings(context.storeId());
        if (subtotal > 0
                && shipping > 0
                && Math.multiplyExact(shipping, 100L)
                        > Math.multiplyExact(subtotal, (long) storeSettings.shippingWarningPercent())) {
            flags.add(new CheckoutQuote.Flag(
                    "SHIPPING_SHARE_HIGH",
                    "shipping is " + percent(shipping, subtotal) + " % of the goods value (the store warns above "
                            + storeSettings.shippingWarningPercent() + " %)",
                    null));
        }
        if (method == null) {
            blockers.add("choose a payment method");
        }

        List<CheckoutQuote.Line> lines = new ArrayList<>();
        for (LineItem l : sdkLines) {
            lines.add(new CheckoutQuote.Line(
                    l.lineId(),
                    l.sku(),
                    l.productId(),
                    l.variantId(),
                    l.title(),
                    l.quantity(),
                    l.unitPrice().minorUnits(),
                    l.amount().minorUnits(),
                    l.discount().minorUnits(),
                    lineTax.getOrDefault(l.lineId(), 0L),
                    l.taxCategory().name(),
                    l.flags().stream().map(Enum::name).sorted().toList(),
                    consignmentOfSku.get(l.sku())));
        }
        List<CheckoutQuote.Consignment> quotedConsignments = new ArrayList<>();
        for (io.caravan.platform.catalog.domain.Consignment c : plan.consignments()) {
            io.caravan.platform.catalog.domain.Warehouse w = sites.get(c.warehouse());
            Consignment sdk = consignments.stream()
                    .filter(x -> x.consignmentId().equals(c.warehouse()))
                    .findFirst()
                    .orElseThrow();
            CheckoutQuote.ShippingOption pick = chosen.get(c.warehouse());
            quotedConsignments.add(new CheckoutQuote.Consignment(
                    c.warehouse(),
                    w.code(),
                    w.name(),
                    w.kind().name(),
                    w.country(),
                    w.handlingDays(),
                    sdk.lines().stream()
                            .map(l -> new CheckoutQuote.Item(l.lineId(), l.sku(), l.quantity()))
                            .toList(),
                    sdk.goodsValue().minorUnits(),
                    c.reason(),
                    List.copyOf(options.get(c.warehouse())),
                    List.copyOf(exclusions.get(c.warehouse())),
                    pick == null ? null : pick.optionId(),
                    pick == null ? null : chosenBy.get(c.warehouse())));
        }
        List<CheckoutQuote.Fee> quotedFees = new ArrayList<>();
        for (Fee f : fees) {
            quotedFees.add(new CheckoutQuote.Fee(
                    f.feeId(),
                    f.kind().name(),
                    f.description(),
                    f.amount().minorUnits(),
                    lineTax.getOrDefault(f.feeId(), 0L),
                    method == null || method.providers().isEmpty()
                            ? null
                            : method.providers().get(0)));
        }
        CheckoutQuote quote = new CheckoutQuote(
                checkoutId,
                currency.getCurrencyCode(),
                destination.toString(),
                now,
                lines,
                quotedConsignments,
                quotedFees,
                tax,
                List.copyOf(methods.values()),
                method == null ? null : methodCode,
                totals,
                display(currency, request.shopper().currency(), total),
                flags,
                blockers.isEmpty(),
                blockers);
        return new Computed(quote, cart);
    }

    private Map<String, Sellable> sellables(String storeId, CheckoutRequest request, Currency currency) {
        SellableSkus found = catalog.sellable(storeId, request.skus());
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        for (int i = 0; i < request.lines().size(); i++) {
            String sku = request.lines().get(i).sku();
            String field = "lines[" + i + "].sku";
            if (found.unknown().contains(sku)) {
                errors.add(field, "no product of this store has SKU " + sku);
            } else if (found.inactive().containsKey(sku)) {
                errors.add(
                        field,
                        sku + " is not on sale (its product is "
                                + found.inactive().get(sku).status() + ")");
            } else if (!found.sellable().get(sku).prices().containsKey(currency.getCurrencyCode())) {
                errors.add(field, sku + " has no price in " + currency.getCurrencyCode() + ", the store's currency");
            }
        }
        errors.throwIfAny();
        return found.sellable();
    }

    private AllocationPlan allocate(String storeId, CheckoutRequest request, CountryCode destination) {
        List<Requested> requested = new ArrayList<>();
        for (CheckoutRequest.LineRequest l : request.lines()) {
            requested.add(new Requested(l.sku(), l.quantity()));
        }
        try {
            return allocator.allocate(storeId, requested, destination, null);
        } catch (InsufficientStockException e) {
            throw OutOfStockException.of(e, request);
        }
    }

    private static LineItem lineItem(String lineId, Sellable item, int quantity, Currency currency, String shipFrom) {
        Set<LineFlag> flags = EnumSet.noneOf(LineFlag.class);
        item.flags().forEach(f -> flags.add(LineFlag.valueOf(f.name())));
        Dimensions dimensions = item.lengthMm() > 0 && item.widthMm() > 0 && item.heightMm() > 0
                ? new Dimensions(
                        Math.toIntExact(item.lengthMm()),
                        Math.toIntExact(item.widthMm()),
                        Math.toIntExact(item.heightMm()))
                : null;
        return new LineItem(
                lineId,
                item.productId(),
                item.variantId(),
                item.sku(),
                item.title(),
                quantity,
                new Money(item.prices().get(currency.getCurrencyCode()), currency),
                Money.zero(currency),
                new Goods(
                        item.weightGrams(),
                        dimensions,
                        item.hsCode() == null ? null : HsCode.of(item.hsCode()),
                        CountryCode.of(item.originCountry())),
                CountryCode.of(shipFrom),
                item.taxCategory(),
                item.categories(),
                flags);
    }

    private static Consignment consignment(
            io.caravan.platform.catalog.domain.Consignment planned,
            io.caravan.platform.catalog.domain.Warehouse site,
            List<LineItem> lines,
            Map<String, String> lineOfSku,
            Currency currency) {
        List<ConsignmentLine> shipped = new ArrayList<>();
        long weight = 0;
        long value = 0;
        for (io.caravan.platform.catalog.domain.Consignment.Line l : planned.lines()) {
            String lineId = lineOfSku.get(l.sku());
            LineItem line = lines.stream()
                    .filter(x -> x.lineId().equals(lineId))
                    .findFirst()
                    .orElseThrow();
            int quantity = Math.toIntExact(l.quantity());
            long lineWeight = Math.multiplyExact(line.goods().weightGrams(), (long) quantity);
            Money lineValue = line.unitPrice().times(quantity);
            shipped.add(new ConsignmentLine(lineId, l.sku(), quantity, lineWeight, lineValue, line.flags()));
            weight = Math.addExact(weight, lineWeight);
            value = Math.addExact(value, lineValue.minorUnits());
        }
        Warehouse from = new Warehouse(
                site.code(),
                new Address(
                        CountryCode.of(site.country()),
                        site.region(),
                        site.postalCode(),
                        site.city(),
                        site.addressLine2() == null
                                ? List.of(site.addressLine1())
                                : List.of(site.addressLine1(), site.addressLine2()),
                        site.name()),
                WarehouseKind.valueOf(site.kind().name()),
                site.handlingDays());
        Money goods = new Money(value, currency);
        List<Parcel> parcels = ParcelPacker.pack(shipped, lines, currency);
        return new Consignment(planned.warehouse(), from, shipped, parcels, goods);
    }

    private static Address address(CheckoutRequest.ShipTo to) {
        return new Address(
                CountryCode.of(to.country()), to.region(), to.postalCode(), to.city(), to.lines(), to.name());
    }

    private static Cart cart(
            Currency currency,
            PriceDisplay prices,
            List<LineItem> lines,
            Money shipping,
            List<Fee> fees,
            Address shipTo,
            Customer customer,
            Instant now) {
        return new Cart(
                currency,
                prices,
                lines,
                shipping,
                Money.zero(currency),
                fees,
                List.of(),
                shipTo,
                customer,
                LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    private static CheckoutQuote.ShippingOption option(Producer producer, RateQuote q) {
        return new CheckoutQuote.ShippingOption(
                producer.installationId() + ":" + q.serviceCode(),
                producer,
                q.quoteId(),
                q.serviceCode(),
                q.serviceName(),
                q.price().minorUnits(),
                q.estimate().minDays(),
                q.estimate().maxDays(),
                q.estimate().earliest(),
                q.estimate().latest(),
                q.tracked(),
                q.expiresAt(),
                q.explanation());
    }

    private Map<String, CheckoutQuote.Method> paymentMethods(
            StoreContext context,
            Cart cart,
            CountryCode destination,
            Currency currency,
            long amountBeforeTax,
            Locale locale,
            List<CheckoutQuote.Flag> flags) {
        RoutingFacts facts = new RoutingFacts(destination, currency, null, amountBeforeTax);
        Map<String, List<PaymentMethod>> offeredBy = new HashMap<>();
        Map<String, InstalledPlugin> byInstallation = new HashMap<>();
        for (InstalledPlugin provider : host.providers(context.ref(), PluginPoint.PAYMENT_METHODS, facts)) {
            Producer producer = producer(provider);
            byInstallation.put(producer.installationId(), provider);
            try {
                PluginOutcome<List<PaymentMethod>> outcome = host.call(
                        provider,
                        PluginPoint.PAYMENT_METHODS,
                        (p, ctx) -> PluginAnswers.methods(p.availableMethods(ctx, cart), cart),
                        null,
                        locale);
                if (!outcome.answered()) {
                    flags.add(new CheckoutQuote.Flag(
                            "PAYMENTS_SKIPPED",
                            "payments plugin " + producer.pluginId() + " was skipped: "
                                    + outcome.failure().describe(),
                            producer));
                    continue;
                }
                offeredBy.put(producer.installationId(), outcome.value());
            } catch (PluginFailedException | PluginRefusalException e) {
                flags.add(new CheckoutQuote.Flag(
                        "PAYMENTS_FAILED",
                        "payments plugin " + producer.pluginId() + " offered no methods: " + e.getMessage(),
                        producer));
            }
        }
        // one entry per method code; its providers in the order the store's routing gives for it
        Map<String, CheckoutQuote.Method> methods = new LinkedHashMap<>();
        Set<String> codes = new TreeSet<>();
        offeredBy.values().forEach(list -> list.forEach(m -> codes.add(m.methodCode())));
        for (String code : codes) {
            List<Producer> providers = new ArrayList<>();
            List<String> sessionProviders = new ArrayList<>();
            PaymentMethod first = null;
            for (InstalledPlugin routed :
                    host.providers(context.ref(), PluginPoint.PAYMENT_AUTHORIZER, facts.withMethod(code))) {
                List<PaymentMethod> offered =
                        offeredBy.get(routed.installationId().value());
                if (offered == null) {
                    continue;
                }
                for (PaymentMethod m : offered) {
                    if (m.methodCode().equals(code)
                            && (m.maximumAmount() == null || m.maximumAmount().minorUnits() >= amountBeforeTax)) {
                        providers.add(producer(routed));
                        if (m.capabilities().contains(PaymentCapability.CLIENT_SESSION)) {
                            sessionProviders.add(routed.installationId().value());
                        }
                        if (first == null) {
                            first = m;
                        }
                    }
                }
            }
            if (first == null) {
                continue;
            }
            methods.put(
                    code,
                    new CheckoutQuote.Method(
                            code,
                            first.displayName(),
                            first.type().name(),
                            first.fee() == null ? 0 : first.fee().minorUnits(),
                            first.maximumAmount() == null
                                    ? null
                                    : first.maximumAmount().minorUnits(),
                            first.confirmationRequired(),
                            List.copyOf(providers),
                            sessionProviders));
        }
        return methods;
    }

    private CheckoutQuote.Tax tax(
            StoreContext context,
            Cart cart,
            Locale locale,
            List<CheckoutQuote.Flag> flags,
            List<String> blockers,
            Map<String, Long> lineTax) {
        try {
            PluginOutcome<TaxQuote> outcome = taxes.quote(context, cart, locale);
            Producer producer = new Producer(outcome.installationId(), outcome.pluginId(), outcome.version());
            if (!outcome.answered()) {
                flags.add(new CheckoutQuote.Flag(
                        "TAX_SKIPPED",
                        "the tax plugin failed and is fail-open: this quote has NO tax ("
                                + outcome.failure().describe() + ")",
                        producer));
                return new CheckoutQuote.Tax(
                        "SKIPPED",
                        producer,
                        null,
                        0,
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        outcome.failure().describe());
            }
            TaxQuote q = outcome.value();
            long atCheckout = 0;
            long onDelivery = 0;
            long shippingTax = 0;
            for (TaxLine t : q.lineTaxes()) {
                lineTax.merge(t.lineRef(), t.taxAmount().minorUnits(), Math::addExact);
                if (t.collectedAt() == CollectedAt.CHECKOUT) {
                    atCheckout = Math.addExact(atCheckout, t.taxAmount().minorUnits());
                } else {
                    onDelivery = Math.addExact(onDelivery, t.taxAmount().minorUnits());
                }
            }
            for (TaxLine t : q.feeTaxes()) {
                lineTax.merge(t.lineRef(), t.taxAmount().minorUnits(), Math::addExact);
            }
            for (TaxLine t : concat(q.shippingTaxes(), q.feeTaxes())) {
                if (t.collectedAt() == CollectedAt.CHECKOUT) {
                    atCheckout = Math.addExact(atCheckout, t.taxAmount().minorUnits());
                } else {
                    onDelivery = Math.addExact(onDelivery, t.taxAmount().minorUnits());
                }
            }
            for (TaxLine t : q.shippingTaxes()) {
                shippingTax = Math.addExact(shippingTax, t.taxAmount().minorUnits());
            }
            long dutiesAt = 0;
            long dutiesLater = 0;
            for (Duty d : q.duties()) {
                if (d.collectedAt() == CollectedAt.CHECKOUT) {
                    dutiesAt = Math.addExact(dutiesAt, d.amount().minorUnits());
                } else {
                    dutiesLater = Math.addExact(dutiesLater, d.amount().minorUnits());
                }
            }
            return new CheckoutQuote.Tax(
                    "ANSWERED",
                    producer,
                    q.dutyTreatment().name(),
                    atCheckout,
                    onDelivery,
                    dutiesAt,
                    dutiesLater,
                    shippingTax,
                    q.notices(),
                    null);
        } catch (NoPluginInstalledException e) {
            flags.add(new CheckoutQuote.Flag(
                    "NO_TAX_PLUGIN", "no tax plugin answers for " + cart.destination() + ": no tax is charged", null));
            return new CheckoutQuote.Tax("NONE", null, null, 0, 0, 0, 0, 0, List.of(), e.getMessage());
        } catch (PluginFailedException | PluginRefusalException e) {
            blockers.add("tax could not be computed: " + e.getMessage());
            return new CheckoutQuote.Tax("FAILED", null, null, 0, 0, 0, 0, 0, List.of(), e.getMessage());
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private CheckoutQuote.Display display(Currency store, String shopperCurrency, long total) {
        if (shopperCurrency == null || shopperCurrency.equals(store.getCurrencyCode())) {
            return null;
        }
        Currency target = Currency.getInstance(shopperCurrency);
        return rates.rate(store, target)
                .map(rate -> new CheckoutQuote.Display(
                        shopperCurrency,
                        rate.convert(new Money(total, store), RoundingMode.HALF_EVEN)
                                .minorUnits(),
                        rate.rate().toPlainString(),
                        rate.asOf(),
                        rate.source(),
                        "HALF_EVEN",
                        "shown for information: the store charges " + store.getCurrencyCode()))
                .orElseGet(() -> new CheckoutQuote.Display(
                        shopperCurrency,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "the store has no exchange rate from " + store.getCurrencyCode() + " to " + shopperCurrency
                                + ": totals are shown in " + store.getCurrencyCode() + " only"));
    }

    static Producer producer(InstalledPlugin installed) {
        return new Producer(
                installed.installationId().value(), installed.pluginId().value(), installed.version());
    }

    private static String reasons(List<CheckoutQuote.Exclusion> exclusions) {
        if (exclusions.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (CheckoutQuote.Exclusion x : exclusions) {
            parts.add(x.producer().pluginId() + ": " + x.reason()
                    + (x.message() == null ? "" : " (" + x.message() + ")"));
        }
        return " — " + String.join("; ", parts);
    }

    private static String percent(long part, long whole) {
        return java.math.BigDecimal.valueOf(part)
                .multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
