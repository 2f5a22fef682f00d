package io.caravan.platform.tenancy.application;

import io.caravan.platform.identity.application.IdentityProvisioning;
import io.caravan.platform.identity.application.IdentityProvisioning.Provisioned;
import io.caravan.platform.shared.domain.EmailAddresses;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.InvalidStoreException;
import io.caravan.platform.tenancy.domain.SlugClaimedException;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Onboards a store: claim the slug in the database, then identity (organization, owner,
 * membership), then the store row, its owner membership and the audit entry in one transaction
 * that also gives the claim up. Safe to retry: an identical request returns the existing store,
 * and organizations/users that already exist are adopted.
 *
 * <p>The claim is what makes concurrent onboardings of one slug safe on any number of nodes: the
 * second attempt is refused before it calls Keycloak. When a step fails, whatever this attempt
 * created in Keycloak is removed again — also when the failing call's answer was lost and the
 * provider may have carried it out — so nothing is left behind.
 */
@ApplicationScoped
public class StoreOnboarding {
    private static final Logger LOG = Logger.getLogger(StoreOnboarding.class.getName());
    /** Keycloak's clock may run a little behind ours; a user created this much "earlier" is still this attempt's. */
    private static final Duration PROVIDER_CLOCK_SKEW = Duration.ofSeconds(2);

    @Inject
    IdentityProvisioning identity;

    @Inject
    StoreRegistrar registrar;

    @Inject
    Clock clock;

    /** Longer than any attempt takes (a handful of Keycloak calls, 5 s timeout each) by a wide margin. */
    @Inject
    @ConfigProperty(name = "caravan.onboarding.claim-expiry-seconds", defaultValue = "120")
    long claimExpirySeconds;

    /** Which identity step an attempt was in when it failed. */
    private enum Step {
        ORGANIZATION,
        USER,
        MEMBERSHIP,
        REGISTRATION
    }

    public OnboardingResult onboard(OnboardStoreCommand command, Actor actor) {
        StoreSlug slug = StoreSlug.forNewStore(command.slug());
        StoreSettings settings = new StoreSettings(
                command.name(),
                StoreSettings.currency(command.defaultCurrency()),
                command.sellingCountries(),
                command.priceDisplay());
        String ownerEmail = command.ownerEmail().strip().toLowerCase(Locale.ROOT);
        EmailAddresses.problem(ownerEmail).ifPresent(problem -> {
            throw new InvalidStoreException("owner.email " + problem);
        });

        Optional<OnboardingResult> earlier = registrar.existing(slug, settings.name(), ownerEmail, true);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String claimId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        try {
            if (registrar
                    .claim(slug, claimId, ownerEmail, settings.name(), Duration.ofSeconds(claimExpirySeconds))
                    .isPresent()) {
                // Registered by a rival since the first look: answer as for any repeat.
                return registrar
                        .existing(slug, settings.name(), ownerEmail, true)
                        .orElseThrow(() -> new OnboardingInProgressException(slug));
            }
        } catch (SlugClaimedException held) {
            throw new OnboardingInProgressException(slug);
        }

        Provisioned organization = null;
        Provisioned owner = null;
        Step step = Step.ORGANIZATION;
        try {
            organization = identity.ensureOrganization(slug.value(), organizationName(settings.name(), slug));
            step = Step.USER;
            owner = identity.ensureUser(
                    ownerEmail,
                    command.ownerFirstName().strip(),
                    command.ownerLastName().strip());
            step = Step.MEMBERSHIP;
            identity.addMember(organization.id(), owner.id());
            step = Step.REGISTRATION;
            Store store = registrar.register(
                    claimId,
                    slug,
                    settings,
                    ownerEmail,
                    command.ownerFirstName().strip(),
                    command.ownerLastName().strip(),
                    owner.id(),
                    organization.id(),
                    actor);
            return new OnboardingResult(store, true);
        } catch (StoreRegistrar.ClaimLostException lost) {
            // This attempt stalled past the claim's expiry and another one took the slug over. If
            // that one registered this very request, everything touched here is its too.
            Optional<OnboardingResult> identical = registrar.existing(slug, settings.name(), ownerEmail, false);
            if (identical.isPresent()) {
                return identical.get();
            }
            // Otherwise the organization (same alias) is the other attempt's: it stays, and this
            // attempt's owner leaves it.
            withdrawLoser(slug, organization, owner);
            registrar.existing(slug, settings.name(), ownerEmail, true);
            throw new OnboardingInProgressException(slug);
        } catch (RuntimeException failure) {
            undo(slug, settings, ownerEmail, step, organization, owner, started);
            if (!registrar.release(slug, claimId)) {
                LOG.warning("The claim on " + slug + " was taken over while this attempt failed");
            }
            throw failure;
        }
    }

    /**
     * Undoes what a failed attempt created: the organization and user it created, nothing it
     * adopted. When the failing call was the creation itself, its answer may have been lost after
     * the provider carried it out: the organization is then looked up by its alias (this attempt
     * holds the slug's claim, so an organization with that alias and no store is this attempt's),
     * the user by its e-mail, created since the attempt began and in no organization.
     */
    private void undo(
            StoreSlug slug,
            StoreSettings settings,
            String ownerEmail,
            Step failedAt,
            Provisioned organization,
            Provisioned owner,
            Instant started) {
        List<Runnable> steps = new ArrayList<>();
        if (owner != null && owner.created()) {
            steps.add(() -> identity.deleteUser(owner.id()));
        } else if (failedAt == Step.USER) {
            steps.add(() -> identity.findUnattachedUserCreatedSince(ownerEmail, started.minus(PROVIDER_CLOCK_SKEW))
                    .ifPresent(identity::deleteUser));
        }
        if (organization != null && organization.created()) {
            steps.add(() -> identity.deleteOrganization(organization.id()));
        } else if (failedAt == Step.ORGANIZATION) {
            steps.add(() -> identity.findOrganization(slug.value(), organizationName(settings.name(), slug))
                    .ifPresent(identity::deleteOrganization));
        }
        run(slug, steps);
    }

    /**
     * A different attempt won the slug: take this attempt's owner back out of the winner's
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
}
