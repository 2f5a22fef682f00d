package io.caravan.plugins.carriers;

import io.caravan.plugins.carriers.RateTable.Band;
import io.caravan.plugins.carriers.RateTable.FxRate;
import io.caravan.plugins.carriers.RateTable.Origin;
import io.caravan.plugins.carriers.RateTable.Service;
import io.caravan.plugins.carriers.RateTable.ZoneRate;
import io.caravan.sdk.carriers.Consignment;
import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.carriers.DeliveryEstimate;
import io.caravan.sdk.carriers.ExclusionReason;
import io.caravan.sdk.carriers.RateExclusion;
import io.caravan.sdk.carriers.RateQuote;
import io.caravan.sdk.carriers.RateQuoter;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.RateResult;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.money.ExchangeRate;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Extension {@code CARRIER_RATES}: table rates by zone, weight band and goods-value band per
 * origin warehouse and service level, from the store's rate card ({@link RateTables}) or the
 * bundled demo card ({@link DefaultRateTable}).
 *
 * <p>Per consignment: the origin is the rate card's entry for the consignment's warehouse (by id,
 * else by country); each of its services that has a zone with the destination country is priced by
 * the first band that fits the consignment's chargeable weight (packed parcels at the greater of
 * their weight and volumetric weight where the service has a divisor, else the lines' weight) and
 * goods value (after discounts); a service is free from its zone's free-shipping threshold. What cannot
 * ship is an exclusion with its reason: no service to the country, over the service's weight limit,
 * a parcel longer than the service takes, over every band's value limit, dangerous goods by air, a
 * currency without a configured rate.
 *
 * <p>The delivery estimate is the warehouse's handling days (from the platform's warehouse) plus the
 * zone's transit days. Prices are exact minor units; a price in another currency than the request's
 * is converted with the store's dated rate, rounded HALF_UP once, and the quote carries the carrier
 * price and the rate. Quote ids are derived from what was quoted, so the same request quotes the same
 * ids; quotes expire after the configured validity (30 minutes by default).
 *
 * <p>Stateless and thread-safe: the rate card is read from the call's configuration.
 */
public final class TableRateQuoter implements RateQuoter {

    private static final int MAX_EXPLANATION = 300;

    /** Creates the quoter; the platform calls this once per node. */
    public TableRateQuoter() {}

    @Override
    public RateResult quote(PluginContext context, RateRequest request) {
        RateTable table = RateTables.read(context.configuration());
        Instant expiresAt = context.clock().instant().plus(table.quoteValidity());
        List<RateQuote> quotes = new ArrayList<>();
        List<RateExclusion> exclusions = new ArrayList<>();
        for (Consignment consignment : request.consignments()) {
            quoteConsignment(table, request, consignment, expiresAt, quotes, exclusions);
        }
        return new RateResult(quotes, exclusions);
    }

    private static void quoteConsignment(
            RateTable table,
            RateRequest request,
            Consignment consignment,
            Instant expiresAt,
            List<RateQuote> quotes,
            List<RateExclusion> exclusions) {
        String id = consignment.consignmentId();
        Warehouse from = consignment.from();
        String destination = request.destination().country().code();
        Optional<Origin> found = table.originOf(from);
        if (found.isEmpty()) {
            exclusions.add(new RateExclusion(
                    id,
                    null,
                    ExclusionReason.NO_SERVICE_TO_DESTINATION,
                    "No rates from warehouse " + from.warehouseId() + " ("
                            + from.address().country() + ")"));
            return;
        }
        Origin origin = found.get();
        boolean served = false;
        for (Service service : origin.services()) {
            Optional<ZoneRate> zone = service.rates().stream()
                    .filter(r -> table.zoneContains(r.zone(), destination))
                    .findFirst();
            if (zone.isEmpty()) {
                continue;
            }
            served = true;
            rate(table, request, consignment, origin, service, zone.get(), expiresAt, quotes, exclusions);
        }
        if (!served) {
            exclusions.add(new RateExclusion(
                    id,
                    null,
                    ExclusionReason.NO_SERVICE_TO_DESTINATION,
                    "No service from the " + origin.name() + " to " + destination));
        }
    }

    private static void rate(
            RateTable table,
            RateRequest request,
            Consignment consignment,
            Origin origin,
            Service service,
            ZoneRate zone,
            Instant expiresAt,
            List<RateQuote> quotes,
            List<RateExclusion> exclusions) {
        String id = consignment.consignmentId();
        if (service.transport() == Transport.AIR && consignment.contains(LineFlag.HAZARDOUS)) {
            List<String> lines = consignment.lines().stream()
                    .filter(l -> l.has(LineFlag.HAZARDOUS))
                    .map(ConsignmentLine::lineId)
                    .toList();
            exclusions.add(new RateExclusion(
                    id,
                    service.code(),
                    ExclusionReason.GOODS_NOT_ACCEPTED,
                    fit(service.name() + " goes by air and does not carry dangerous goods (lines "
                            + String.join(", ", lines) + ")")));
            return;
        }
        for (int i = 0; i < consignment.parcels().size(); i++) {
            Dimensions d = consignment.parcels().get(i).dimensions();
            int longest = Math.max(d.lengthMm(), Math.max(d.widthMm(), d.heightMm()));
            if (service.maxLengthMm() > 0 && longest > service.maxLengthMm()) {
                exclusions.add(new RateExclusion(
                        id,
                        service.code(),
                        ExclusionReason.OVER_SIZE_LIMIT,
                        service.name() + " takes parcels up to " + centimetres(service.maxLengthMm())
                                + " on the longest side; parcel " + (i + 1) + " is " + centimetres(longest)));
                return;
            }
        }
        long actual = consignment.weightGrams();
        long weight = chargeableWeight(consignment, service);
        if (weight > zone.maxWeightGrams()) {
            exclusions.add(new RateExclusion(
                    id,
                    service.code(),
                    ExclusionReason.OVER_WEIGHT_LIMIT,
                    service.name() + " takes at most " + kilograms(zone.maxWeightGrams()) + "; this consignment weighs "
                            + kilograms(weight)));
            return;
        }
        Optional<Conversion> conversion = Conversion.between(table, service, request);
        if (conversion.isEmpty()) {
            exclusions.add(new RateExclusion(
                    id,
                    service.code(),
                    ExclusionReason.OTHER,
                    "No exchange rate between " + service.currency().getCurrencyCode() + " and "
                            + request.currency().getCurrencyCode() + " is configured for " + service.name()));
            return;
        }
        Conversion fx = conversion.get();
        // Compared exactly in the service's currency; never rounded.
        BigDecimal goodsValue = fx.toService(consignment.goodsValue().amount());
        Optional<Band> band = zone.bands().stream()
                .filter(b -> weight <= b.maxWeightGrams())
                .filter(b -> b.maxGoodsValue() == null || goodsValue.compareTo(major(b.maxGoodsValue(), service)) <= 0)
                .findFirst();
        if (band.isEmpty()) {
            boolean weightFits = zone.bands().stream().anyMatch(b -> weight <= b.maxWeightGrams());
            exclusions.add(new RateExclusion(
                    id,
                    service.code(),
                    weightFits ? ExclusionReason.OVER_VALUE_LIMIT : ExclusionReason.OVER_WEIGHT_LIMIT,
                    weightFits
                            ? service.name() + " has no rate for goods worth " + consignment.goodsValue()
                            : service.name() + " has no rate for " + kilograms(weight)));
            return;
        }
        boolean free =
                zone.freeShippingFrom() != null && goodsValue.compareTo(major(zone.freeShippingFrom(), service)) >= 0;
        Money listPrice = new Money(free ? 0 : band.get().price(), service.currency());
        Money price = fx.toRequest(listPrice);
        Warehouse from = consignment.from();
        DeliveryEstimate estimate = DeliveryEstimate.of(
                request.shipDate(), from.handlingDays(), zone.minTransitDays(), zone.maxTransitDays());
        String explanation = explanation(origin, from, request, estimate, zone, service, free, fx, listPrice)
                + (weight > actual
                        ? "; charged by volume: " + kilograms(weight) + " (weighs " + kilograms(actual) + ")"
                        : "");
        quotes.add(new RateQuote(
                quoteId(id, service.code(), request, price, from),
                id,
                service.code(),
                service.name(),
                price,
                fx.converts() ? listPrice : null,
                fx.converts() ? fx.rate() : null,
                estimate,
                service.tracked(),
                expiresAt,
                fit(explanation)));
    }

    private static String explanation(
            Origin origin,
            Warehouse from,
            RateRequest request,
            DeliveryEstimate estimate,
            ZoneRate zone,
            Service service,
            boolean free,
            Conversion fx,
            Money listPrice) {
        String fromCountry = from.address().country().code();
        String to = request.destination().country().code();
        StringBuilder text = new StringBuilder("From the ")
                .append(origin.name())
                .append(" (")
                .append(fromCountry)
                .append("): ");
        if (fromCountry.equals(to)) {
            text.append("domestic, no customs");
        } else if (DefaultRateTable.EU.contains(fromCountry) && DefaultRateTable.EU.contains(to)) {
            text.append("no customs (within the EU)");
        } else {
            text.append("crosses customs into ")
                    .append(to)
                    .append(
                            request.dutyTreatment() == DutyTreatment.DDP
                                    ? ", import charges paid by the store"
                                    : ", import charges due on delivery");
        }
        text.append("; ")
                .append(estimate.handlingDays())
                .append(estimate.handlingDays() == 1 ? " handling day + " : " handling days + ")
                .append(
                        zone.minTransitDays() == zone.maxTransitDays()
                                ? String.valueOf(zone.minTransitDays())
                                : zone.minTransitDays() + "–" + zone.maxTransitDays())
                .append(" days in transit");
        if (free) {
            text.append("; free from ").append(new Money(zone.freeShippingFrom(), service.currency()));
        }
        if (fx.converts()) {
            text.append("; ")
                    .append(listPrice)
                    .append(" at ")
                    .append(fx.rate().rate().toPlainString())
                    .append(" ")
                    .append(request.currency().getCurrencyCode())
                    .append("/")
                    .append(service.currency().getCurrencyCode())
                    .append(" (store rate of ")
                    .append(fx.asOf())
                    .append(")");
        }
        return text.toString();
    }

    /** A stable id: the same consignment, service, day and price quote the same id. */
    private static String quoteId(
            String consignmentId, String serviceCode, RateRequest request, Money price, Warehouse from) {
        String key = consignmentId + "|" + from.warehouseId() + "|" + serviceCode + "|"
                + request.destination().country() + "|" + request.shipDate() + "|" + price.minorUnits() + " "
                + price.currency().getCurrencyCode();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "q-" + serviceCode + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The weight the service charges: packed parcels at the greater of their gross weight and
     * their volumetric weight (volume in cm³ ÷ divisor, in kg, i.e. mm³ ÷ divisor in grams, rounded
     * up); unpacked consignments at the lines' weight.
     */
    static long chargeableWeight(Consignment consignment, Service service) {
        if (service.volumetricDivisor() == 0 || consignment.parcels().isEmpty()) {
            return consignment.weightGrams();
        }
        long grams = 0;
        for (Parcel parcel : consignment.parcels()) {
            long volumetric = Math.ceilDiv(parcel.dimensions().volumeCubicMm(), service.volumetricDivisor());
            grams = Math.addExact(grams, Math.max(parcel.weightGrams(), volumetric));
        }
        return grams;
    }

    private static String centimetres(int mm) {
        return BigDecimal.valueOf(mm, 1).stripTrailingZeros().toPlainString() + " cm";
    }

    private static BigDecimal major(long minor, Service service) {
        return BigDecimal.valueOf(minor, service.currency().getDefaultFractionDigits());
    }

    private static String kilograms(long grams) {
        return BigDecimal.valueOf(grams, 3).stripTrailingZeros().toPlainString() + " kg";
    }

    private static String fit(String text) {
        return text.length() <= MAX_EXPLANATION ? text : text.substring(0, MAX_EXPLANATION - 1) + "…";
    }

    /** Between a service's currency and the request's: none, or the store's dated rate (either way round). */
    private record Conversion(ExchangeRate rate, LocalDate asOf) {

        static Optional<Conversion> between(RateTable table, Service service, RateRequest request) {
            if (service.currency().equals(request.currency())) {
                return Optional.of(new Conversion(null, null));
            }
            Optional<FxRate> direct = table.rate(service.currency(), request.currency());
            if (direct.isPresent()) {
                return Optional.of(of(direct.get(), direct.get().rate()));
            }
            Optional<FxRate> inverse = table.rate(request.currency(), service.currency());
            // The inverse, to 10 significant digits, is the rate shown and applied.
            return inverse.map(r -> of(
                    new FxRate(r.to(), r.from(), r.rate(), r.asOf()),
                    BigDecimal.ONE.divide(r.rate(), new MathContext(10, RoundingMode.HALF_EVEN))));
        }

        private static Conversion of(FxRate fx, BigDecimal rate) {
            Instant asOf = fx.asOf().atStartOfDay(ZoneOffset.UTC).toInstant();
            return new Conversion(new ExchangeRate(fx.from(), fx.to(), rate, asOf, "store configuration"), fx.asOf());
        }

        boolean converts() {
            return rate != null;
        }

        /** A request-currency amount in the service's currency, exact enough to compare (34 digits). */
        BigDecimal toService(BigDecimal requestAmount) {
            return converts() ? requestAmount.divide(rate.rate(), MathContext.DECIMAL128) : requestAmount;
        }

        /** A service price in the request's currency, rounded HALF_UP once to its minor units. */
        Money toRequest(Money servicePrice) {
            return converts() ? rate.convert(servicePrice, RoundingMode.HALF_UP) : servicePrice;
        }
    }
}
