package io.caravan.platform.billing.api;

import io.caravan.platform.billing.application.BillingRuns;
import io.caravan.platform.billing.application.Earnings;
import io.caravan.platform.billing.application.StoreBilling;
import io.caravan.platform.billing.domain.StoreCharge;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The charges ledger (stores), earnings (developers) and billing runs (platform admins). */
public final class BillingResources {
    private BillingResources() {}

    /** One ledger line, amounts in minor units. */
    public record ChargeView(
            String id,
            String pluginId,
            String kind,
            Instant periodStart,
            Instant periodEnd,
            long quantity,
            long unitPriceMinor,
            long amountMinor,
            String currency,
            String description,
            Instant createdAt) {
        static ChargeView of(StoreCharge c) {
            return new ChargeView(
                    c.id(),
                    c.pluginId(),
                    c.kind().name(),
                    c.periodStart().equals(StoreCharge.ONCE) ? null : c.periodStart(),
                    c.periodEnd().equals(StoreCharge.ONCE) ? null : c.periodEnd(),
                    c.quantity(),
                    c.unitPriceMinor(),
                    c.amountMinor(),
                    c.currency(),
                    c.description(),
                    c.createdAt());
        }
    }

    public record LedgerView(List<ChargeView> charges, Map<String, Long> totalMinorByCurrency) {}

    @Path("/stores/{store}/charges")
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Tag(name = "Store: marketplace")
    public static class StoreChargesResource {
        @Inject
        StoreBilling billing;

        @Inject
        RequestCaller caller;

        @PathParam("store")
        String store;

        @GET
        @Operation(summary = "The store's plugin charges, newest first, with totals per currency (owner)")
        public LedgerView ledger() {
            List<ChargeView> charges = billing.ledger(caller.store().storeId()).stream()
                    .map(ChargeView::of)
                    .toList();
            Map<String, Long> totals = new TreeMap<>();
            charges.forEach(c -> totals.merge(c.currency(), c.amountMinor(), Math::addExact));
            return new LedgerView(charges, totals);
        }
    }

    @Path("/developer/earnings")
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Access.Audience.PLUGIN_DEVELOPER)
    @Tag(name = "Plugin developer")
    public static class DeveloperEarningsResource {
        @Inject
        Earnings earnings;

        @Inject
        RequestCaller caller;

        @GET
        @Operation(summary = "Your earnings per listing and currency: gross, the platform's fee, net")
        public Earnings.Report report() {
            return earnings.of(caller.user());
        }
    }

    @Path("/admin/billing/run")
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Access.Audience.PLATFORM_ADMIN)
    @Tag(name = "Platform admin: marketplace")
    public static class AdminBillingResource {
        @Inject
        BillingRuns runs;

        @Inject
        Clock clock;

        /** Only test environments may bill ahead of time (to let months pass); never production. */
        @Inject
        @org.eclipse.microprofile.config.inject.ConfigProperty(
                name = "caravan.billing.allow-future-runs",
                defaultValue = "false")
        boolean allowFutureRuns;

        /** As of when to bill (ISO-8601 instant); now when absent. */
        public record RunRequest(String asOf) {}

        @POST
        @Operation(summary = "Run billing now for every store (idempotent)")
        public BillingRuns.RunResult run(RunRequest request) {
            Instant asOf = clock.instant();
            if (request != null && request.asOf() != null) {
                try {
                    asOf = Instant.parse(request.asOf());
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("asOf must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
                }
                if (asOf.isAfter(clock.instant()) && !allowFutureRuns) {
                    throw new InvalidInputException(
                            "asOf must not be in the future: charges are only made for periods" + " that have started");
                }
            }
            return runs.run(asOf);
        }
    }
}
