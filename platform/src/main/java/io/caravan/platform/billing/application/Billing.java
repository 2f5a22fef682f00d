package io.caravan.platform.billing.application;

import io.caravan.platform.billing.domain.ChargeKind;
import io.caravan.platform.billing.domain.DeveloperEarning;
import io.caravan.platform.billing.domain.StoreCharge;
import io.caravan.platform.billing.domain.UsageCounter;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.PluginInstalled;
import io.caravan.platform.marketplace.domain.Pricing;
import io.caravan.platform.marketplace.domain.PricingModel;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ledger rules, applied inside the caller's store-bound transaction: what a store owes for a
 * plugin and when, and the developer's share of it. Every charge is idempotent by (store, plugin,
 * kind, period start), so a repeated install or billing run never charges twice.
 *
 * <ul>
 *   <li>{@code ONE_TIME}: once per store and plugin, at the first installation.</li>
 *   <li>{@code SUBSCRIPTION}: monthly, from the installation date plus the trial days; a store gets
 *       the trial once (a re-install after a charge is billed from the re-install).</li>
 *   <li>{@code USAGE}: per call the plugin answered for the store (health checks excluded), counted
 *       by the invoker, charged per completed calendar month (UTC).</li>
 * </ul>
 */
@ApplicationScoped
public class Billing {
    @Inject
    StoreScopedPersistence persistence;

    /** The platform's share of every charge, e.g. 0.20 for 20 %. */
    @Inject
    @ConfigProperty(name = "caravan.marketplace.platform-share", defaultValue = "0.20")
    BigDecimal platformShare;

    /**
     * Charges what is due at installation (one-time price, or a subscription without trial), in the
     * installing transaction: the marketplace fires the event, billing decides what it costs.
     */
    void onInstall(@jakarta.enterprise.event.Observes PluginInstalled event) {
        String storeId = event.storeId();
        Listing listing = event.listing();
        Installation installation = event.installation();
        Instant now = event.at();
        Pricing pricing = listing.pricing();
        if (pricing.model() == PricingModel.ONE_TIME) {
            charge(
                    storeId,
                    listing,
                    ChargeKind.ONE_TIME,
                    StoreCharge.ONCE,
                    StoreCharge.ONCE,
                    1,
                    now,
                    listing.name() + " — one-time price");
        } else if (pricing.model() == PricingModel.SUBSCRIPTION) {
            chargeSubscriptions(storeId, listing, installation, now);
        }
    }

    /** Charges every subscription month of the installation that started by {@code asOf}. */
    public int chargeSubscriptions(String storeId, Listing listing, Installation installation, Instant asOf) {
        if (listing.pricing().model() != PricingModel.SUBSCRIPTION || !installation.isEnabled()) {
            return 0;
        }
        boolean trialUsed =
                hasCharges(storeId, listing.pluginId(), ChargeKind.SUBSCRIPTION, installation.installedAt());
        ZonedDateTime start = installation
                .installedAt()
                .atZone(ZoneOffset.UTC)
                .plusDays(trialUsed ? 0 : listing.pricing().trialDays())
                .truncatedTo(ChronoUnit.SECONDS);
        int charged = 0;
        for (ZonedDateTime period = start; !period.toInstant().isAfter(asOf); period = period.plusMonths(1)) {
            if (charge(
                    storeId,
                    listing,
                    ChargeKind.SUBSCRIPTION,
                    period.toInstant(),
                    period.plusMonths(1).toInstant(),
                    1,
                    asOf,
                    listing.name() + " — subscription " + period.toLocalDate() + " to "
                            + period.plusMonths(1).toLocalDate())) {
                charged++;
            }
        }
        return charged;
    }

    /** Charges each completed month of counted usage not charged yet. */
    public int chargeUsage(String storeId, Listing listing, Instant asOf) {
        if (listing.pricing().model() != PricingModel.USAGE) {
            return 0;
        }
        Instant currentMonth = monthStart(asOf);
        int charged = 0;
        for (UsageCounter counter : em(storeId)
                .createQuery(
                        "select u from UsageCounter u where u.pluginId = :plugin"
                                + " and u.monthStart < :current order by u.monthStart",
                        UsageCounter.class)
                .setParameter("plugin", listing.pluginId())
                .setParameter("current", currentMonth)
                .getResultList()) {
            if (counter.calls() > 0
                    && charge(
                            storeId,
                            listing,
                            ChargeKind.USAGE,
                            counter.monthStart(),
                            counter.monthStart()
                                    .atZone(ZoneOffset.UTC)
                                    .plusMonths(1)
                                    .toInstant(),
                            counter.calls(),
                            asOf,
                            listing.name() + " — " + counter.calls() + " calls in "
                                    + counter.monthStart()
                                            .atZone(ZoneOffset.UTC)
                                            .toLocalDate()
                                            .withDayOfMonth(1)
                                            .toString()
                                            .substring(0, 7))) {
                charged++;
            }
        }
        return charged;
    }

    /** Adds counted calls to the store's counter for the month of {@code at}. */
    public void addUsage(String storeId, String pluginId, long calls, Instant at) {
        EntityManager em = em(storeId);
        Instant month = monthStart(at);
        UsageCounter counter = em.createQuery(
                        "select u from UsageCounter u where u.pluginId = :plugin" + " and u.monthStart = :month",
                        UsageCounter.class)
                .setParameter("plugin", pluginId)
                .setParameter("month", month)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    UsageCounter created = new UsageCounter(pluginId, month);
                    em.persist(created);
                    return created;
                });
        counter.add(calls);
    }

    public List<StoreCharge> ledger(String storeId) {
        return em(storeId)
                .createQuery(
                        "select c from StoreCharge c order by c.createdAt desc, c.periodStart desc", StoreCharge.class)
                .getResultList();
    }

    private boolean charge(
            String storeId,
            Listing listing,
            ChargeKind kind,
            Instant periodStart,
            Instant periodEnd,
            long quantity,
            Instant now,
            String description) {
        EntityManager em = em(storeId);
        boolean exists = !em.createQuery(
                        "select c.id from StoreCharge c where c.pluginId = :plugin and c.kind = :kind"
                                + " and c.periodStart = :start",
                        String.class)
                .setParameter("plugin", listing.pluginId())
                .setParameter("kind", kind)
                .setParameter("start", periodStart)
                .getResultList()
                .isEmpty();
        if (exists) {
            return false;
        }
        StoreCharge charge = new StoreCharge(
                listing.pluginId(),
                listing.id(),
                kind,
                periodStart,
                periodEnd,
                quantity,
                listing.pricing().amountMinor(),
                listing.pricing().currency(),
                description,
                now);
        em.persist(charge);
        persistence.platform().persist(new DeveloperEarning(charge, listing.developerId(), platformShare, now));
        return true;
    }

    private boolean hasCharges(String storeId, String pluginId, ChargeKind kind, Instant before) {
        return !em(storeId)
                .createQuery(
                        "select c.id from StoreCharge c where c.pluginId = :plugin and c.kind = :kind"
                                + " and c.createdAt < :before",
                        String.class)
                .setParameter("plugin", pluginId)
                .setParameter("kind", kind)
                .setParameter("before", before)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    static Instant monthStart(Instant at) {
        return at.atZone(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
    }

    private EntityManager em(String storeId) {
        return persistence.forStore(storeId);
    }
}
