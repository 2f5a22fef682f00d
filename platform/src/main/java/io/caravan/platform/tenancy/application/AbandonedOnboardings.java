package io.caravan.platform.tenancy.application;

import io.caravan.platform.identity.application.IdentityProvisioning;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.tenancy.domain.AbandonedClaim;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reaper of onboardings that died between their first identity call and the registration of
 * the store (a node killed mid-onboarding): every {@code caravan.onboarding.reap-every} it looks
 * for claims older than {@code caravan.onboarding.reap-after} (and never younger than the claim
 * expiry: a stalled attempt that is still running is left to the onboarding's own take-over), takes
 * each over in the database (an atomic
 * compare-and-set on the claim id, so that of several nodes exactly one reaps a claim, and a
 * retrying onboarding that took the claim over first wins), then removes from the identity
 * provider what the dead attempt created — the organization with the slug as alias, and the owner's
 * user if it was created since the claim and belongs to no organization (a person who already had
 * an account, an owner of another store, is never touched) — and gives the claim up. A slug whose
 * store was registered after all is only released. If the identity provider cannot be reached the
 * claim stays taken over (its age starts again) and is reaped on a later run.
 */
@ApplicationScoped
public class AbandonedOnboardings {
    private static final Logger LOG = Logger.getLogger(AbandonedOnboardings.class.getName());
    private static final int BATCH = 50;
    /** As in {@link StoreOnboarding}: the provider's clock may run a little behind ours. */
    private static final Duration PROVIDER_CLOCK_SKEW = Duration.ofSeconds(2);

    @Inject
    StoreRegistrar registrar;

    @Inject
    IdentityProvisioning identity;

    @Inject
    @ConfigProperty(name = "caravan.onboarding.claim-expiry-seconds", defaultValue = "120")
    long claimExpirySeconds;

    @Inject
    @ConfigProperty(name = "caravan.onboarding.reap-every", defaultValue = "PT1M")
    Duration reapEvery;

    @Inject
    @ConfigProperty(name = "caravan.onboarding.reap-after", defaultValue = "PT10M")
    Duration reapAfter;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> schedule;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 60) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (reapEvery.isNegative() || reapEvery.isZero()) {
            throw new IllegalStateException(
                    "caravan.onboarding.reap-every must be a positive duration, not " + reapEvery);
        }
        long period = reapEvery.toMillis();
        schedule = executor.scheduleWithFixedDelay(this::reapQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void reapQuietly() {
        try {
            reap();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reaping abandoned onboardings failed; the next run retries", e);
        }
    }

    /** Reaps the abandoned claims found now; returns how many this node reaped. */
    public int reap() {
        int reaped = 0;
        Duration expiry = Duration.ofSeconds(claimExpirySeconds);
        Duration age = reapAfter.compareTo(expiry) > 0 ? reapAfter : expiry;
        for (AbandonedClaim claim : registrar.abandoned(age, BATCH)) {
            String reaper = UUID.randomUUID().toString();
            if (!registrar.takeOver(claim, reaper)) {
                continue;
            }
            try {
                if (!registrar.registered(claim.slug())) {
                    removeLeftovers(claim);
                }
                registrar.release(claim.slug(), reaper);
                reaped++;
                LOG.info("Reaped the abandoned onboarding of " + claim.slug());
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Could not reap the abandoned onboarding of " + claim.slug()
                                + " yet; retried once the claim is old enough again: " + e.getMessage());
            }
        }
        return reaped;
    }

    private void removeLeftovers(AbandonedClaim claim) {
        String displayName = claim.storeName() == null
                ? claim.slug().value()
                : StoreOnboarding.organizationName(claim.storeName(), claim.slug());
        identity.findOrganization(claim.slug().value(), displayName).ifPresent(identity::deleteOrganization);
        if (claim.ownerEmail() != null) {
            identity.findUnattachedUserCreatedSince(
                            claim.ownerEmail(), claim.claimedAt().minus(PROVIDER_CLOCK_SKEW))
                    .ifPresent(identity::deleteUser);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
