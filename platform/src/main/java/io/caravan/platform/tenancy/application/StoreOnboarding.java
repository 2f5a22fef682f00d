package io.caravan.platform.tenancy.application;

import io.caravan.platform.identity.application.IdentityProvisioning;
import io.caravan.platform.identity.application.IdentityProvisioning.Provisioned;
import io.caravan.platform.shared.api.ProblemException;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.InvalidStoreException;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
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

    @Inject
    IdentityProvisioning identity;

    @Inject
    StoreRegistrar registrar;

    public OnboardingResult onboard(OnboardStoreCommand command, Actor actor) {
        StoreSlug slug = new StoreSlug(command.slug());
        StoreSettings settings = new StoreSettings(command.name(), StoreSettings.currency(command.defaultCurrency()),
                command.sellingCountries(), command.priceDisplay());
        String ownerEmail = command.ownerEmail().strip().toLowerCase(Locale.ROOT);

        Optional<OnboardingResult> earlier = registrar.existing(slug, settings.name(), ownerEmail);
        if (earlier.isPresent()) {
            return earlier.get();
        }

        Deque<Runnable> compensations = new ArrayDeque<>();
        try {
            Provisioned organization = identity.ensureOrganization(slug.value(), organizationName(settings.name(), slug));
            if (organization.created()) {
                compensations.push(() -> identity.deleteOrganization(organization.id()));
            }
            Provisioned owner = identity.ensureUser(ownerEmail, command.ownerFirstName().strip(),
                    command.ownerLastName().strip());
            if (owner.created()) {
                compensations.push(() -> identity.deleteUser(owner.id()));
            }
            identity.addMember(organization.id(), owner.id());

            Store store = registrar.register(slug, settings, ownerEmail, command.ownerFirstName().strip(),
                    command.ownerLastName().strip(), owner.id(), organization.id(), actor);
            return new OnboardingResult(store, true);
        } catch (RuntimeException failure) {
            compensate(slug, compensations);
            if (isDuplicate(failure)) {
                // A concurrent identical request won the race: answer as a retry would.
                return registrar.existing(slug, settings.name(), ownerEmail)
                        .orElseThrow(() -> ProblemException.conflict("slug '" + slug + "' is already taken by another store"));
            }
            throw failure;
        }
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

    private static void compensate(StoreSlug slug, Deque<Runnable> compensations) {
        while (!compensations.isEmpty()) {
            try {
                compensations.pop().run();
            } catch (RuntimeException undo) {
                // A retry adopts what is left (ensure* finds it by alias/e-mail), so this is not lost.
                LOG.log(Level.WARNING, "Could not undo an identity step of onboarding " + slug
                        + "; a retry will adopt it: " + undo.getMessage());
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
