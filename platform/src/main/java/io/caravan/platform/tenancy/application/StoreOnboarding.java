package io.caravan.platform.tenancy.application;

import io.caravan.platform.identity.application.IdentityProvisioning;
import io.caravan.platform.identity.application.IdentityProvisioning.Provisioned;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.InvalidStoreException;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Onboards a store: identity first (organization, owner, membership), then the store row, its
 * owner membership and the audit entry in one transaction. Safe to retry: an identical request
 * returns the existing store, and organizations/users that already exist are adopted. When a step
 * fails, whatever this attempt created in Keycloak is removed again, so nothing is left behind.
 */
@ApplicationScoped
public class StoreOnboarding {
    private static final Logger LOG = Logger.getLogger(StoreOnboarding.class.getName());
    private static final ReentrantLock[] SLUG_LOCKS = new ReentrantLock[64];

    static {
        for (int i = 0; i < SLUG_LOCKS.length; i++) {
            SLUG_LOCKS[i] = new ReentrantLock();
        }
    }

    @Inject
    IdentityProvisioning identity;

    @Inject
    StoreRegistrar registrar;

    public OnboardingResult onboard(OnboardStoreCommand command, Actor actor) {
        StoreSlug slug = new StoreSlug(command.slug());
        // Keycloak answers concurrent creations of one organization or user unpredictably (a 4xx
        // for the loser, not always a findable 409), so on this node one slug onboards at a time.
        // Across nodes the unique slug and the loser handling below still keep one store.
        ReentrantLock lock = SLUG_LOCKS[Math.floorMod(slug.value().hashCode(), SLUG_LOCKS.length)];
        lock.lock();
        try {
            return onboardLocked(slug, command, actor);
        } finally {
            lock.unlock();
        }
    }

    private OnboardingResult onboardLocked(StoreSlug slug, OnboardStoreCommand command, Actor actor) {
        StoreSettings settings = new StoreSettings(
                command.name(),
                StoreSettings.currency(command.defaultCurrency()),
                command.sellingCountries(),
                command.priceDisplay());
        String ownerEmail = command.ownerEmail().strip().toLowerCase(Locale.ROOT);

        Optional<OnboardingResult> earlier = registrar.existing(slug, settings.name(), ownerEmail, true);
        if (earlier.isPresent()) {
            return earlier.get();
        }

        Provisioned organization = null;
        Provisioned owner = null;
        try {
            organization = identity.ensureOrganization(slug.value(), organizationName(settings.name(), slug));
            owner = identity.ensureUser(
                    ownerEmail,
                    command.ownerFirstName().strip(),
                    command.ownerLastName().strip());
            identity.addMember(organization.id(), owner.id());
            Store store = registrar.register(
                    slug,
                    settings,
                    ownerEmail,
                    command.ownerFirstName().strip(),
                    command.ownerLastName().strip(),
                    owner.id(),
                    organization.id(),
                    actor);
            return new OnboardingResult(store, true);
        } catch (RuntimeException failure) {
            if (!isDuplicate(failure)) {
                undoCreated(slug, organization, owner);
                throw failure;
            }
            // A concurrent request registered the slug first. The organization (same alias) is now
            // the winner's, whoever created it, so it stays.
            Optional<OnboardingResult> winner = registrar.existing(slug, settings.name(), ownerEmail, false);
            if (winner.isPresent()) {
                // An identical request: everything this attempt touched is the winner's too.
                return winner.get();
            }
            withdrawLoser(slug, organization, owner);
            throw new StateConflictException("slug '" + slug + "' is already taken by another store");
        }
    }

    /** Undoes what a failed attempt created: the organization and user it created, nothing it adopted. */
    private void undoCreated(StoreSlug slug, Provisioned organization, Provisioned owner) {
        List<Runnable> steps = new ArrayList<>();
        if (owner != null && owner.created()) {
            steps.add(() -> identity.deleteUser(owner.id()));
        }
        if (organization != null && organization.created()) {
            steps.add(() -> identity.deleteOrganization(organization.id()));
        }
        run(slug, steps);
    }

    /**
     * A different store won the slug: take this attempt's owner back out of the winner's
     * organization, and delete the user if this attempt created it. The organization stays.
     */
    private void withdrawLoser(StoreSlug slug, Provisioned organization, Provisioned owner) {
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> identity.removeMember(organization.id(), owner.id()));
        if (owner.created()) {
            steps.add(() -> identity.deleteUser(owner.id()));
        }
        run(slug, steps);
    }

    /**
     * Keycloak wants organization names unique, store names need not be: two shops may both be
     * "Tea House". The slug makes the name unique and still readable in Keycloak's org picker.
     */
    static String organizationName(String storeName, StoreSlug slug) {
        String suffix = " (" + slug.value() + ")";
        int room = 255 - suffix.length();
        return (storeName.length() > room ? storeName.substring(0, room) : storeName) + suffix;
    }

    private static void run(StoreSlug slug, List<Runnable> steps) {
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException undo) {
                // A retry adopts what is left (ensure* finds it by alias/e-mail), so this is not lost.
                LOG.log(
                        Level.WARNING,
                        "Could not undo an identity step of onboarding " + slug + "; a retry will adopt it: "
                                + undo.getMessage());
            }
        }
    }

    private static boolean isDuplicate(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidStoreException) {
                return false;
            }
            if (t instanceof PersistenceException || t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("uq_stores_slug")) {
                    return true;
                }
            }
        }
        return false;
    }
}
